// The print view (#/in/…) lays out the report only once its four faces are
// loaded; the browser would discover them after the app has started and
// rendered the report. On that route, start fetching them with the app.
if (location.hash.startsWith('#/in/')) {
  for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) {
    const link = document.createElement('link');
    // Fonts are fetched in CORS mode: the preload must match it to be reused.
    Object.assign(link, { rel: 'preload', as: 'font', type: 'font/woff2', crossOrigin: 'anonymous', href: `./${face}.woff2` });
    document.head.append(link);
  }
}
