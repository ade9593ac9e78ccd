// Draws the figures page charts from the JSON embedded in the page; the table holds the same numbers.
(function () {
  var el = document.getElementById("chart-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Chart.defaults.font.family = "IBM Plex Sans, Arial, sans-serif";
  new Chart(document.getElementById("chart-flow"), {
    data: {
      labels: d.labels,
      datasets: [
        { type: "line", label: "Aktive", data: d.active, borderColor: "#0059b3", backgroundColor: "#0059b3", yAxisID: "y" },
        { type: "bar", label: "Tilgang", data: d.inflow, backgroundColor: "#b35900", yAxisID: "y1" },
        { type: "bar", label: "Afgang", data: d.outflow, backgroundColor: "#358000", yAxisID: "y1" }
      ]
    },
    options: { animation: reduce ? false : {}, scales: { y: { beginAtZero: true, position: "left", title: { display: true, text: "Aktive" } },
      y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: "Tilgang og afgang" } } } }
  });
  new Chart(document.getElementById("chart-shelter"), {
    type: "line",
    data: { labels: d.labels, datasets: [{ label: "På boform (§ 110)", data: d.shelter, borderColor: "#6b2e8f", backgroundColor: "#6b2e8f" }] },
    options: { animation: reduce ? false : {}, scales: { y: { beginAtZero: true } } }
  });
  var quality = document.getElementById("chart-quality");
  if (quality) {
    // The by-name list's quality: one bar per check; the table below holds the same numbers.
    new Chart(quality, {
      type: "bar",
      data: { labels: d.quality_labels, datasets: [{ label: d.quality_axis, data: d.quality, backgroundColor: "#b35900" }] },
      options: { indexAxis: "y", animation: reduce ? false : {}, plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: d.quality_axis } } } }
    });
  }
})();
