// A document made in the background: poll its state every 2 s and show it; when it is ready,
// show its link (the user may also leave and come back: the page shows the state it finds).
document.querySelectorAll("[data-kept-document]").forEach((card) => {
  const label = card.querySelector("[data-kept-label]");
  const bar = card.querySelector("[data-kept-bar]");
  const link = card.querySelector("[data-kept-link]");
  const show = (state) => {
    if (state.status === "ready") {
      label.textContent = "Tài liệu đã tạo xong.";
    } else if (state.status === "failed") {
      label.textContent = state.error;
    } else if (state.status === "running") {
      label.textContent = `Đang tạo tài liệu${state.step ? ": " + state.step : ""}…`;
    } else {
      label.textContent = "Đang chờ tạo tài liệu…";
    }
    // Waiting, or running before any was timed: a moving bar, not a percentage.
    const known = state.status !== "queued" && state.percent !== null && state.percent !== undefined;
    bar.classList.toggle("progress-bar-striped", !known && state.status !== "failed");
    bar.classList.toggle("progress-bar-animated", !known && state.status !== "failed");
    bar.classList.toggle("w-100", !known);
    bar.style.width = known ? `${state.percent}%` : "";
    bar.textContent = known ? `${state.percent} %` : "";
    if (state.url) {
      link.href = state.url;
      link.classList.remove("d-none");
    }
  };
  const poll = async () => {
    const response = await fetch(card.dataset.keptDocument, { credentials: "same-origin" });
    if (!response.ok) {
      return;
    }
    const state = await response.json();
    show(state);
    if (state.status === "queued" || state.status === "running") {
      window.setTimeout(poll, 2000);
    }
  };
  if (bar.dataset.percent) {
    bar.style.width = `${bar.dataset.percent}%`;
  }
  poll();
});
