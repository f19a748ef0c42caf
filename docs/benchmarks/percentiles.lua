-- wrk reporter: p50/p95/p99 latency (ms), requests/s, and non-2xx answers, one line per run.
done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests=%d rps=%.1f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors))
end
