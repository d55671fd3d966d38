/**
 * Seeded randomness. Every "random" thing a real cluster produces (UIDs, GUID resource names,
 * pod hash suffixes, nodePorts, public IPs) comes from one of these, so the same seed and the
 * same commands give byte-identical output.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string = 1) {
    // Expand the seed with splitmix32 so seeds 1, 2, 3 give unrelated streams.
    let s = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** Uniform 32-bit unsigned integer (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** `n` lowercase hex digits. */
  hex(n: number): string {
    let out = '';
    while (out.length < n) out += hex8(this.nextUint32());
    return out.slice(0, n);
  }

  /** `n` decimal digits, first one non-zero (AKS resource-name suffixes like `41832928`). */
  digits(n: number): string {
    let out = String(this.int(1, 9));
    while (out.length < n) out += String(this.int(0, 9));
    return out;
  }

  /** RFC 4122 version-4 UUID, lowercase (Kubernetes UIDs, AKS GUID resource names). */
  uuid(): string {
    // 32 hex digits from four draws; digit 12 becomes the version `4`, digit 16 the variant
    // (8, 9, a or b from that digit's low bits). Every ARM write draws several: build the 36
    // characters in one buffer (one flat string, no intermediate pieces).
    const b = UUID_BUF;
    let o = 0;
    for (let w = 0; w < 4; w++) {
      const x = this.nextUint32();
      for (let d = 0; d < 8; d++) {
        const digit = w * 8 + d;
        if (digit === 8 || digit === 12 || digit === 16 || digit === 20) b[o++] = 45; // '-'
        let v = (x >>> (28 - 4 * d)) & 15;
        if (digit === 12) v = 4;
        else if (digit === 16) v = 8 | (v & 3);
        b[o++] = HEX_CODES[v];
      }
    }
    return String.fromCharCode.apply(null, b as unknown as number[]);
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /**
   * Characters Kubernetes uses for generated name suffixes (no vowels, no confusable digits),
   * from `k8s.io/apimachinery/pkg/util/rand`.
   */
  kubeSuffix(n: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /** Independent child stream, so adding draws in one subsystem does not shift another's. */
  fork(label: string): SeededRandom {
    return new SeededRandom((this.nextUint32() ^ hashString(label)) >>> 0);
  }
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const UUID_BUF = new Uint8Array(36);
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** 8 lowercase hex digits of a 32-bit unsigned integer. */
function hex8(w: number): string {
  return HEX[w >>> 24] + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255];
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
