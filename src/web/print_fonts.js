// The print view (#/in/…) is an on-demand wasm chunk: the app would ask for
// it (and the shared chunks it needs) only once the main module has been
// downloaded, compiled and started, and it lays out the report only once its
// four faces are loaded, which the browser would discover even later. On
// that route, start fetching both with the app.
if (location.hash.startsWith('#/in/')) {
  // The chunks' preload links (with integrity), written by the build hook
  // (src/web/split.mjs) into an inert <template>: the loader's own fetch of
  // each chunk then reuses the preloaded response.
  const chunks = document.getElementById('print-preloads');
  if (chunks) document.head.append(chunks.content.cloneNode(true));
  for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) {
    const link = document.createElement('link');
    // Fonts are fetched in CORS mode: the preload must match it to be reused.
    Object.assign(link, { rel: 'preload', as: 'font', type: 'font/woff2', crossOrigin: 'anonymous', href: `./${face}.woff2` });
    document.head.append(link);
  }
}
