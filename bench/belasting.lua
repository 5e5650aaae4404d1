-- wrk script for scripts/belasting.sh: a mix of the two most-read surfaces and writes.
-- Out of every 20 requests: 9 API core questions, 9 gemeente pages, 2 writes (a new document
-- on an arrangement, with the token of a regiosecretariaat of that arrangement).
-- BELASTING_GEMEENTE, BELASTING_VERBAND and BELASTING_TOKEN come from the environment.

local gemeente = os.getenv("BELASTING_GEMEENTE")
local verband = os.getenv("BELASTING_VERBAND")
local token = os.getenv("BELASTING_TOKEN")
local teller = 0

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
      '{"samenwerkingsverband": "%s", "titel": "Belastingtest %d", "soort": "overig"}',
      verband, teller)
    return wrk.format("POST", "/api/v1/documenten", schrijf_headers, body)
  elseif stap % 2 == 1 then
    return wrk.format("GET", kernvraag)
  else
    return wrk.format("GET", pagina)
  end
end
