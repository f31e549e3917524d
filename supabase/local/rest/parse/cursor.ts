/**
 * A tiny character cursor shared by the select, filter, logic and order parsers. Errors carry the
 * 1-based column, like PostgREST's Parsec messages.
 */
import { parseFailure, type ParseError } from "../errors";

/** Nesting deeper than this is refused (PGRST100) instead of exhausting the stack. */
export const MAX_NESTING = 32;

export class Cursor {
  pos = 0;
  private depth = 0;
  constructor(
    readonly input: string,
    private readonly what: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.input.length;
  }
  peek(offset = 0): string {
    return this.input[this.pos + offset] ?? "";
  }
  startsWith(text: string): boolean {
    return this.input.startsWith(text, this.pos);
  }
  eat(text: string): boolean {
    if (!this.startsWith(text)) return false;
    this.pos += text.length;
    return true;
  }
  expect(text: string, expecting = `"${text}"`): void {
    if (!this.eat(text)) throw this.fail(expecting);
  }
  /** Brackets one nesting level (embeds, logic trees) around `work`. */
  nested<T>(work: () => T): T {
    if (++this.depth > MAX_NESTING) {
      throw parseFailure(this.what, this.input.slice(0, 80), this.pos + 1, `nesting deeper than ${MAX_NESTING} levels`);
    }
    try {
      return work();
    } finally {
      this.depth--;
    }
  }

  fail(expecting: string): ParseError {
    const found = this.done ? "end of input" : `"${this.peek()}"`;
    return parseFailure(this.what, this.input, this.pos + 1, `unexpected ${found} expecting ${expecting}`);
  }

  /** A double-quoted string with backslash escapes, or null when the cursor is not at a quote. */
  quoted(): string | null {
    if (this.peek() !== '"') return null;
    this.pos++;
    let out = "";
    while (!this.done && this.peek() !== '"') {
      if (this.peek() === "\\" && this.pos + 1 < this.input.length) this.pos++;
      out += this.peek();
      this.pos++;
    }
    this.expect('"', "closing quote");
    return out;
  }

  /** An unquoted name: anything up to a delimiter; `-` is allowed unless it starts `->`. */
  bareName(stops: string): string {
    const start = this.pos;
    while (!this.done) {
      const ch = this.peek();
      if (stops.includes(ch) || /\s/.test(ch)) break;
      if (ch === "-" && this.peek(1) === ">") break;
      this.pos++;
    }
    return this.input.slice(start, this.pos);
  }

  /** A field name: quoted or bare. Throws when empty. */
  name(stops: string, expecting = "field name"): string {
    const quoted = this.quoted();
    if (quoted !== null) return quoted;
    const bare = this.bareName(stops);
    if (!bare) throw this.fail(expecting);
    return bare;
  }
}
