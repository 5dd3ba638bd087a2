-- wrk script: POST BENCH_POST_BODY to BENCH_POST_PATH, every "{unique}" in the body replaced by a value no other request
-- uses (BENCH_RUN, thread and counter): an organization's code for the services, an item's name for the bare peer.
local token = os.getenv("BENCH_TOKEN")
local run = os.getenv("BENCH_RUN")
local path = os.getenv("BENCH_POST_PATH")
local body = os.getenv("BENCH_POST_BODY")
local counter = 1
local n = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  n = n + 1
  local unique = string.format("%st%dn%d", run, id, n)
  return wrk.format("POST", path, nil, (body:gsub("{unique}", unique)))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH requests=%d seconds=%.2f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
