-- wrk script for scripts/belasting.sh: a mix of the two most-read surfaces and writes.
-- Out of every 20 requests: 9 API core questions, 9 gemeente pages, 2 writes (a new document
-- on an arrangement, with the token of a regiosecretariaat of that arrangement).
-- BELASTING_GEMEENTE, BELASTING_VERBAND, BELASTING_TOKEN and BELASTING_FASE (in the titles
-- written, to count them per phase) come from the environment. At the end it prints how many
-- answers were 4xx and 5xx ("status 4xx N"), which wrk itself lumps together.

local gemeente = os.getenv("BELASTING_GEMEENTE")
local verband = os.getenv("BELASTING_VERBAND")
local token = os.getenv("BELASTING_TOKEN")
local fase = os.getenv("BELASTING_FASE") or ""
local teller = 0
local threads = {}

-- Per thread (each has its own Lua state), read back in done().
vierxx = 0
vijfxx = 0

function setup(thread)
  table.insert(threads, thread)
end

local kernvraag = "/api/v1/gemeenten/" .. gemeente .. "/samenwerkingsverbanden"
local pagina = "/gemeenten/" .. gemeente .. "/"
local schrijf_headers = {
  ["Authorization"] = "Token " .. token,
  ["Content-Type"] = "application/json",
}

request = function()
  teller = teller + 1
  local stap = teller % 20
  if stap == 0 or stap == 10 then
    local body = string.format(
      '{"samenwerkingsverband": "%s", "titel": "Belastingtest %s %d", "soort": "overig"}',
      verband, fase, teller)
    return wrk.format("POST", "/api/v1/documenten", schrijf_headers, body)
  elseif stap % 2 == 1 then
    return wrk.format("GET", kernvraag)
  else
    return wrk.format("GET", pagina)
  end
end

response = function(status, headers, body)
  if status >= 500 then
    vijfxx = vijfxx + 1
  elseif status >= 400 then
    vierxx = vierxx + 1
  end
end

done = function(summary, latency, requests)
  local vier, vijf = 0, 0
  for _, thread in ipairs(threads) do
    vier = vier + thread:get("vierxx")
    vijf = vijf + thread:get("vijfxx")
  end
  io.write(string.format("status 4xx %d\nstatus 5xx %d\n", vier, vijf))
end
