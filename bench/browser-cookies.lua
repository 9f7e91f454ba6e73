-- Sends a session's cookies the way a browser does: starts from the cookie string in the COOKIE argument and keeps
-- every cookie the app sets or renews (the sign-in cookie is renewed when its session is checked against the database,
-- every Accounts:SessionCheckSeconds). Without this, wrk would replay a stale cookie and force that check on every request.
local jar, order = {}, {}

local function put(name, value)
  if jar[name] == nil then order[#order + 1] = name end
  jar[name] = value
end

init = function(args)
  for pair in (args[1] or ""):gmatch("[^;]+") do
    local name, value = pair:match("^%s*([^=]+)=(.*)$")
    if name then put(name, value) end
  end
end

request = function()
  local parts = {}
  for _, name in ipairs(order) do
    if jar[name] and jar[name] ~= "" then parts[#parts + 1] = name .. "=" .. jar[name] end
  end
  return wrk.format(nil, nil, { Cookie = table.concat(parts, "; ") })
end

response = function(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then
    local name, value = set:match("^([^=]+)=([^;]*)")
    if name then put(name, value) end
  end
end
