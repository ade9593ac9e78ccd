// Charts of the count's result page from the JSON in the page; the tables hold the same numbers.
(function () {
  var el = document.getElementById("count-chart-data");
  if (!el || typeof Chart === "undefined") return;
  var d = JSON.parse(el.textContent);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Chart.defaults.font.family = "IBM Plex Sans, Arial, sans-serif";
  var h = d.history;
  new Chart(document.getElementById("chart-history"), {
    data: {
      labels: h.labels,
      datasets: [
        { type: "bar", label: h.local_label, data: h.local, backgroundColor: "#0059b3", yAxisID: "y" },
        { type: "line", label: h.national_label, data: h.national, borderColor: "#b35900", backgroundColor: "#b35900", spanGaps: true, yAxisID: "y1" }
      ]
    },
    options: { animation: reduce ? false : {}, scales: {
      y: { beginAtZero: true, position: "left", title: { display: true, text: h.local_label } },
      y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, title: { display: true, text: h.national_label } } } }
  });
  new Chart(document.getElementById("chart-situation"), {
    type: "bar",
    data: { labels: d.situations.labels, datasets: [{ label: d.situation_label, data: d.situations.counts, backgroundColor: "#0059b3" }] },
    options: { animation: reduce ? false : {}, scales: { y: { beginAtZero: true } } }
  });
})();
