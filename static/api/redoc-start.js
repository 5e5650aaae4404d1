// Redoc (drf-spectacular-sidecar's bundle, our own static files) in the site's page, with
// colours that keep WCAG 2.1 AA contrast. The schema's address comes from the page.
(function () {
  var plek = document.getElementById("api-redoc");
  if (!plek || !window.Redoc) return;
  window.Redoc.init(
    plek.dataset.schema,
    {
      hideDownloadButton: true,
      disableSearch: true,
      expandResponses: "200",
      nativeScrollbars: true,
      theme: {
        colors: {
          primary: { main: "#154273" },
          success: { main: "#0b6e2e" },
          warning: { main: "#6b4300" },
          error: { main: "#b00020" },
          text: { primary: "#1a1a1a", secondary: "#4a4a4a" },
          http: {
            get: "#0b6e2e", post: "#154273", put: "#6b4300", patch: "#6b4300",
            delete: "#b00020", options: "#4a4a4a", head: "#4a4a4a", basic: "#4a4a4a",
            link: "#154273",
          },
          responses: {
            success: { color: "#0b6e2e", backgroundColor: "#e8f3ec" },
            error: { color: "#8a0016", backgroundColor: "#fde8ea" },
            redirect: { color: "#5c4200", backgroundColor: "#fff4d6" },
            info: { color: "#154273", backgroundColor: "#dfe8f3" },
          },
        },
        typography: {
          fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
          headings: { fontFamily: "inherit" },
          code: { color: "#8a0016", backgroundColor: "#f3f5f7" },
          links: { color: "#154273", visited: "#4b1f6b", hover: "#0e2f52" },
        },
        sidebar: { backgroundColor: "#f3f5f7", textColor: "#1a1a1a", activeTextColor: "#154273" },
        rightPanel: { backgroundColor: "#1a1a1a", textColor: "#ffffff" },
      },
    },
    plek
  );
})();
