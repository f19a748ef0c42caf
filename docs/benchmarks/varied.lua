-- wrk request generator and reporter for the varied benchmark (docs/benchmarks.md).
-- Usage: wrk -t 8 -c 8 -d 30s -s varied.lua http://127.0.0.1:5080 -- requests.tsv
-- requests.tsv holds "kind TAB language TAB path" lines (the portal's `benchmark-urls` command writes them). Each
-- request is one line drawn at random; a line with a language sends that language's cookie, as a browser that has
-- been on the portal before does. With one connection per thread (-t = -c), each response follows its own request,
-- so the latency of every request is measured here (monotonic clock) and reported per kind: p50/p95/p99, requests/s
-- and answers other than 2xx. Latencies are kept as a histogram (0.1 ms steps below 100 ms, 1 ms above) in a flat
-- table keyed "kind TAB step": wrk copies flat tables between threads, and crashes on nested ones.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock, bench_timespec *ts);
]]
local clock = ffi.new("bench_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end

local requests = {}
local started, current = nil, nil
histogram = {} -- "kind\tstep" -> number of responses; read by done() through thread:get
failures = {}  -- kind -> number of non-2xx answers

function init(args)
  local file = assert(io.open(args[1], "r"), "usage: wrk ... -s varied.lua URL -- requests.tsv")
  for line in file:lines() do
    local kind, language, path = line:match("^([^\t]+)\t([^\t]*)\t(.+)$")
    if kind then
      local headers = {}
      if language ~= "" then headers["Cookie"] = ".CyberNormPortal.Language=" .. language end
      table.insert(requests, { kind = kind, request = wrk.format("GET", path, headers) })
    end
  end
  file:close()
  assert(#requests > 0, "no requests in " .. args[1])
  math.randomseed(seed * 7919)
end

function request()
  current = requests[math.random(#requests)]
  started = now_ms()
  return current.request
end

function response(status, headers, body)
  local kind = current.kind
  local ms = now_ms() - started
  local step = ms < 100 and math.floor(ms * 10) or 900 + math.floor(ms)
  local key = kind .. "\t" .. step
  histogram[key] = (histogram[key] or 0) + 1
  if status < 200 or status > 299 then failures[kind] = (failures[kind] or 0) + 1 end
end

local function ms_of(step) -- the upper edge of a step, in ms
  return step < 1000 and (step + 1) / 10 or step - 900 + 1
end

local function percentile(steps, total, p)
  local wanted, seen = math.max(1, math.ceil(total * p / 100)), 0
  for _, step in ipairs(steps.order) do
    seen = seen + steps.count[step]
    if seen >= wanted then return ms_of(step) end
  end
  return 0
end

function done(summary, _, _)
  local seconds = summary.duration / 1e6
  local byKind, failed = {}, {}
  local function add(kind, step, n)
    local h = byKind[kind]
    if not h then h = { count = {}, total = 0 }; byKind[kind] = h end
    h.count[step] = (h.count[step] or 0) + n
    h.total = h.total + n
  end
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("histogram")) do
      local kind, step = key:match("^(.*)\t(%d+)$")
      add(kind, tonumber(step), n)
      add("all", tonumber(step), n)
    end
    for kind, n in pairs(thread:get("failures")) do
      failed[kind] = (failed[kind] or 0) + n
      failed["all"] = (failed["all"] or 0) + n
    end
  end
  local kinds = {}
  for kind in pairs(byKind) do if kind ~= "all" then table.insert(kinds, kind) end end
  table.sort(kinds)
  if #kinds > 1 then table.insert(kinds, "all") end
  io.write("| kind | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | non-2xx |\n")
  io.write("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
  for _, kind in ipairs(kinds) do
    local h = byKind[kind]
    h.order = {}
    for step in pairs(h.count) do table.insert(h.order, step) end
    table.sort(h.order)
    io.write(string.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d |\n", kind, h.total, h.total / seconds,
      percentile(h, h.total, 50), percentile(h, h.total, 95), percentile(h, h.total, 99), ms_of(h.order[#h.order]),
      failed[kind] or 0))
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  if errors > 0 then io.write(string.format("socket errors: %d\n", errors)) end
end
