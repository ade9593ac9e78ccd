// Charts of the stock analysis and retention pages from the JSON in the page; the tables hold the same numbers.
(function () {
  if (typeof Chart === "undefined") return;
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Chart.defaults.font.family = "IBM Plex Sans, Arial, sans-serif";
  var stock = document.getElementById("stock-chart-data");
  if (stock) {
    var s = JSON.parse(stock.textContent);
    new Chart(document.getElementById("chart-vacancies"), {
      type: "bar",
      data: { labels: s.labels, datasets: [{ label: "Ledige boliger", data: s.vacancies, backgroundColor: "#0059b3" }] },
      options: { animation: reduce ? false : {}, scales: { y: { beginAtZero: true } } }
    });
    new Chart(document.getElementById("chart-groups"), {
      type: "bar",
      data: { labels: s.groups, datasets: [
        { label: "Borgere på listen", data: s.applicants, backgroundColor: "#b35900" },
        { label: "Ledige boliger pr. år", data: s.supply, backgroundColor: "#358000" }
      ] },
      options: { animation: reduce ? false : {}, indexAxis: "y", scales: { x: { beginAtZero: true } } }
    });
  }
  var ret = document.getElementById("retention-chart-data");
  if (ret) {
    var r = JSON.parse(ret.textContent);
    new Chart(document.getElementById("chart-retention"), {
      data: { labels: r.labels, datasets: [
        { type: "bar", label: "Stadig i bolig (%)", data: r.shares, backgroundColor: "#0059b3" },
        { type: "line", label: "Seedenes nedre grænse (%)", data: r.labels.map(function () { return r.low; }), borderColor: "#b35900", backgroundColor: "#b35900" }
      ] },
      options: { animation: reduce ? false : {}, scales: { y: { beginAtZero: true, max: 100 } } }
    });
  }
})();
