/*
 * Password reset routes (forgot → emailed token → reset).
 */
export {}
