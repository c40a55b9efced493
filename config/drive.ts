import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, services } from '@adonisjs/drive'

/**
 * Uploaded files. They are private: the platform streams them to users who may
 * see them (never served straight from the disk or bucket by URL).
 *
 * `DRIVE_DISK=fs` (default) keeps them under storage/uploads. `DRIVE_DISK=s3`
 * keeps them in an S3 bucket or MinIO (`S3_*`); its driver needs the AWS SDK,
 * which is not installed by default because only S3 users need it:
 * `npm install @aws-sdk/client-s3 @aws-sdk/s3-request-presigner`.
 */
const disk = env.get('DRIVE_DISK') ?? 'fs'

if (disk === 's3') {
  // Fail at start, naming what is missing, rather than on the first upload.
  const missing = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter(
    (name) => !env.get(name as 'S3_BUCKET')
  )
  if (missing.length) {
    throw new Error(`ENV_INVALID: DRIVE_DISK=s3 needs ${missing.join(', ')}`)
  }
  try {
    import.meta.resolve('@aws-sdk/client-s3')
  } catch {
    throw new Error(
      'DRIVE_S3_SDK_MISSING: DRIVE_DISK=s3 needs the AWS SDK: npm install @aws-sdk/client-s3 @aws-sdk/s3-request-presigner'
    )
  }
}

const fs = services.fs({
  location: app.makePath('storage/uploads'),
  serveFiles: false,
  visibility: 'private',
})

/**
 * The S3 service is declared only when it is the chosen disk: declaring it
 * makes the drive provider load the S3 driver, and with it the AWS SDK, at boot.
 */
const withS3 = () =>
  defineConfig({
    default: 's3',
    services: {
      fs,
      s3: services.s3({
        credentials: {
          accessKeyId: env.get('S3_ACCESS_KEY_ID') ?? '',
          secretAccessKey: env.get('S3_SECRET_ACCESS_KEY') ?? '',
        },
        region: env.get('S3_REGION') ?? 'us-east-1',
        bucket: env.get('S3_BUCKET') ?? '',
        endpoint: env.get('S3_ENDPOINT'),
        // MinIO serves buckets by path (http://host:9000/bucket/key).
        forcePathStyle: env.get('S3_FORCE_PATH_STYLE') ?? Boolean(env.get('S3_ENDPOINT')),
        visibility: 'private',
      }),
    },
  })

const driveConfig = disk === 's3' ? withS3() : defineConfig({ default: 'fs', services: { fs } })

export default driveConfig

// Typed with both disks (`fs` always, `s3` when chosen); code uses the default disk.
declare module '@adonisjs/drive/types' {
  export interface DriveDisks extends InferDriveDisks<ReturnType<typeof withS3>> {}
}
