/**
 * RouterOS print queries: each `?` word pushes a boolean per row onto a
 * stack, `?#` words combine the stack, and whatever remains is ANDed.
 */
export type Row = Record<string, string>
type Step = (row: Row, stack: boolean[]) => void

function compare(a: string, b: string): number {
  const x = Number(a)
  const y = Number(b)
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y
  return a < b ? -1 : a > b ? 1 : 0
}

function pop(stack: boolean[]): boolean {
  // An operator on an empty stack sees "true", like an empty query.
  return stack.length > 0 ? stack.pop()! : true
}

function operations(ops: string): Step {
  return (_row, stack) => {
    let i = 0
    while (i < ops.length) {
      const digits = /^\d+/.exec(ops.slice(i))
      if (digits) {
        // An index counts from the top of the stack.
        const index = Number(digits[0])
        stack.push(stack[stack.length - 1 - index] ?? false)
        i += digits[0].length
        if (ops[i] === '.') i++
        continue
      }
      const op = ops[i++]
      if (op === '!') stack.push(!pop(stack))
      else if (op === '&') {
        const b = pop(stack)
        stack.push(pop(stack) && b)
      } else if (op === '|') {
        const b = pop(stack)
        stack.push(pop(stack) || b)
      } else if (op === '.') stack.push(stack.length > 0 ? stack[stack.length - 1] : true)
      else throw new Error(`unknown query operation ${op}`)
    }
  }
}

function step(word: string): Step {
  if (word.startsWith('#')) return operations(word.slice(1))
  const body = word.startsWith('=') ? word.slice(1) : word
  const first = body[0]
  if (first === '-') {
    const name = body.slice(1)
    return (row, stack) => stack.push(!(name in row))
  }
  const split = body.indexOf('=')
  if (split === -1) return (row, stack) => stack.push(body in row)
  const value = body.slice(split + 1)
  if (first === '<' || first === '>') {
    const name = body.slice(1, split)
    const sign = first === '<' ? -1 : 1
    return (row, stack) => stack.push(name in row && Math.sign(compare(row[name], value)) === sign)
  }
  const name = body.slice(0, split)
  return (row, stack) => stack.push((row[name] ?? '') === value)
}

/** Throws on an operation RouterOS would not understand. */
export function compileQuery(words: ReadonlyArray<string>): (row: Row) => boolean {
  if (words.length === 0) return () => true
  const steps = words.map(step)
  return (row) => {
    const stack: boolean[] = []
    for (const run of steps) run(row, stack)
    return stack.every(Boolean)
  }
}

/** Keeps only the requested properties, in the requested order. */
export function applyProplist(row: Row, proplist: string | undefined): Row {
  if (proplist === undefined) return row
  const picked: Row = {}
  for (const name of proplist.split(',')) {
    if (name && name in row) picked[name] = row[name]
  }
  return picked
}
