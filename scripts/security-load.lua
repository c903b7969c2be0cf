-- The mixed load of scripts/security-tests: what visitors, feed readers, API clients and bots
-- ask for, in turn, counting every answer of 500 or more.
local paths = {
  "/", "/events", "/events?page=2", "/programmes/innovationsveckan-demo",
  "/programmes/innovationsveckan-demo?format=digital&theme=ai",
  "/programmes/innovationsveckan-demo?q=%C3%B6ppna+data&region=12",
  "/programmes/innovationsveckan-demo/statistics", "/organisations?q=kommun", "/projects", "/groups",
  "/events.ics", "/events.atom", "/api/v1/events?limit=100", "/api/v1/programmes/innovationsveckan-demo/activities?limit=50",
  "/catalog.ttl", "/sign-in", "/events/workshop-oppna-data", "/no-such-page", "/projects?page=9223372036854775807",
  "/api/v1/events?cursor=bm9wZQ", "/embed/programmes/innovationsveckan-demo?format=physical",
}
local counter = 0
server_errors = 0
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

response = function(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end

done = function(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do errors = errors + thread:get("server_errors") end
  io.write(string.format("requests: %d, p50: %.1f ms, p99: %.1f ms\n", summary.requests, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("server errors: %d, dropped: %d\n", errors, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
