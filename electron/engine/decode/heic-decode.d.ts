// heic-decode ships no types; this declares the part of its API decoding uses.
declare module 'heic-decode' {
  interface DecodedHeic {
    readonly width: number;
    readonly height: number;
    /** RGBA, 8 bits per channel. */
    readonly data: Uint8ClampedArray;
  }
  interface HeicImageHandle {
    readonly width: number;
    readonly height: number;
    decode(): Promise<DecodedHeic>;
  }
  function decode(input: { buffer: ArrayBufferLike | Uint8Array }): Promise<DecodedHeic>;
  namespace decode {
    function all(input: { buffer: ArrayBufferLike | Uint8Array }): Promise<HeicImageHandle[] & { dispose(): void }>;
  }
  export default decode;
}
