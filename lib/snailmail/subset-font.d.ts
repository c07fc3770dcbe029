// subset-font ships no types: the one call we make.
declare module "subset-font" {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: "sfnt" | "truetype" | "woff" | "woff2"; noLayoutClosure?: boolean; preserveNameIds?: number[] },
  ): Promise<Buffer>;
}
