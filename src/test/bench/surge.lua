-- The surge's requests for wrk (Debian's package), written by dev.popcorn.bench.Wrk:
--
--   wrk -t1 -c64 -d60s --latency -s src/test/bench/surge.lua http://127.0.0.1:PORT -- \
--       PASSES_FILE POLL RELEASE C1,C2,C3 F1,F2,F3 FIRST,CHANGES,REPORTS [PATH]
--
-- PASSES_FILE holds one API pass per line, one fresh user each; thread n reads PASSES_FILE.n. A first ballot or
-- a report takes the next fresh user; a change takes a user who cast a first ballot at least 256 requests ago
-- (acknowledged by then: 64 connections hold at most 64 in flight) and names another candidate. With PATH (the
-- bare endpoint), every request is the same PUT of a ballot-sized body to PATH. Out of fresh users, the thread
-- stops sending new ones and reuses the last (reported as "ran out").
-- Per kind, what was sent, per status class, what came back, and ok answers per wall-clock second (the first
-- second is partial) are printed at the end for Wrk to read.

local threads = {}
local counter = 0
local base = os.time()

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  passes = {}
  for line in io.lines(args[1] .. "." .. id) do
    passes[#passes + 1] = line
  end
  poll = args[2]
  release = args[3]
  candidates = {}
  for c in string.gmatch(args[4], "[^,]+") do candidates[#candidates + 1] = c end
  features = {}
  for f in string.gmatch(args[5], "[^,]+") do features[#features + 1] = f end
  mix = {}
  for m in string.gmatch(args[6], "[^,]+") do mix[#mix + 1] = tonumber(m) end
  bare = args[7]
  next_fresh = 0
  voted = {}
  first, changes, reports, ranout = 0, 0, 0, 0
  ok, refused, failed = 0, 0, 0
  math.randomseed(1000 + id)
  started = os.time()
  seconds = {}
  ballot_path = "/api/v1/polls/" .. poll .. "/ballot"
  report_path = "/api/v1/releases/" .. release .. "/report"
  if bare then
    ping = wrk.format("PUT", bare, {["Authorization"] = "Bearer " .. passes[1],
      ["Content-Type"] = "application/json"}, '{"candidate":1}')
  end
end

local function fresh()
  if next_fresh < #passes then
    next_fresh = next_fresh + 1
  else
    ranout = ranout + 1
  end
  return next_fresh
end

local function put(path, pass, body)
  return wrk.format("PUT", path, {["Authorization"] = "Bearer " .. pass, ["Content-Type"] = "application/json"}, body)
end

function request()
  if bare then
    return ping
  end
  local roll = math.random(100)
  if roll <= mix[3] then
    reports = reports + 1
    local n = fresh()
    local body = '{"verdicts":['
    for i, f in ipairs(features) do
      local verdict = bit.band(bit.rshift(n, i - 1), 1) == 0 and "LIKE" or "NOT_GOOD_ENOUGH"
      body = body .. (i > 1 and "," or "") .. '{"feature":"' .. f .. '","verdict":"' .. verdict .. '"}'
    end
    return put(report_path, passes[n], body .. ']}')
  end
  if roll <= mix[3] + mix[2] and #voted > 256 then
    changes = changes + 1
    local v = voted[math.random(#voted - 256)]
    local c = candidates[(v.c % #candidates) + 1]
    v.c = v.c % #candidates + 1
    return put(ballot_path, passes[v.n], '{"candidate":' .. c .. '}')
  end
  first = first + 1
  local n = fresh()
  local c = math.random(#candidates)
  voted[#voted + 1] = {n = n, c = c}
  return put(ballot_path, passes[n], '{"candidate":' .. candidates[c] .. '}')
end

function response(status, headers, body)
  if status < 300 then
    ok = ok + 1
    local second = os.time() - started
    seconds[second] = (seconds[second] or 0) + 1
  elseif status < 500 then
    refused = refused + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local t = {first = 0, changes = 0, reports = 0, ranout = 0, ok = 0, refused = 0, failed = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do
      t[k] = t[k] + thread:get(k)
    end
  end
  io.write(string.format("surge-counts first=%d changes=%d reports=%d ranout=%d ok=%d refused=%d failed=%d\n",
    t.first, t.changes, t.reports, t.ranout, t.ok, t.refused, t.failed))
  local per = {}
  local last = 0
  for _, thread in ipairs(threads) do
    local s, t = thread:get("seconds"), thread:get("started")
    for k, v in pairs(s) do
      local at = t + k - base
      per[at] = (per[at] or 0) + v
      if at > last then last = at end
    end
  end
  local list = {}
  for i = 0, last do list[#list + 1] = tostring(per[i] or 0) end
  io.write("surge-seconds " .. table.concat(list, ",") .. "\n")
  io.write(string.format("surge-latency p50=%d p90=%d p99=%d max=%d\n", latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
