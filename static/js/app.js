// Small behaviours of the site frame, without inline scripts.
document.addEventListener("submit", (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// <div data-include="URL">fallback</div>: replace the fallback with the HTML of URL (same origin).
document.querySelectorAll("[data-include]").forEach(async (element) => {
  const response = await fetch(element.dataset.include, { credentials: "same-origin" });
  if (response.ok) {
    element.innerHTML = await response.text();
  }
});
