#!/usr/bin/env bash
# Runs the Payara sample (payara-sample/): builds the library and the sample, starts the DynamoDB
# emulator (moto, requests serialized) and two Payara Micro instances on 127.0.0.1, prints the
# URLs, and stops all of them on Ctrl-C.
#
#   ./run-sample.sh            run until Ctrl-C
#   ./run-sample.sh --smoke    start, check the JSON API and the page with curl, stop;
#                              exits 0 when every check passed (also: SMOKE=1)
#   ./run-sample.sh --smoke --browser
#                              also drive the page in headless Chromium (browser-test/; needs
#                              /usr/bin/chromium and `npm ci` in browser-test)
#
# Two instances of the sample share the sessions: A on PORT (default 8080), B on PORT_B (default
# PORT + 1); each page links to the other. DDB_PORT (default 8000) is the emulator's. Without them the next
# free port from the default on is taken. Needs JDK 17+, Maven 3.8+, curl, and Python 3.9+ with
# moto's server (tools/dynamodb-emulator.sh installs it into target/moto-venv when missing).
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$PWD
TARGET=$ROOT/payara-sample/target
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
START_TIMEOUT=180
SMOKE=${SMOKE:-0}
BROWSER=0

for arg in "$@"; do
  case $arg in
    --smoke) SMOKE=1 ;;
    --browser) BROWSER=1 ;;
    -h | --help) sed -n '2,17s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "run-sample.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

die() {
  echo "run-sample.sh: $*" >&2
  exit 1
}

command -v curl >/dev/null || die "curl is needed to wait for the app; install it first"

# A port is in use when something on 127.0.0.1 accepts a connection on it.
in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# pick_port VARIABLE DEFAULT [TAKEN]: the port the variable asks for, or the first free one from
# DEFAULT on other than TAKEN.
pick_port() {
  local requested=${!1:-} port
  if [[ -n $requested ]]; then
    [[ $requested =~ ^[0-9]+$ ]] || die "$1 must be a port number, not '$requested'"
    [[ $requested != "${3:-}" ]] || die "PORT and DDB_PORT must differ"
    ! in_use "$requested" || die "$1=$requested is already in use on 127.0.0.1"
    echo "$requested"
    return
  fi
  for ((port = $2; port < $2 + 100; port++)); do
    if [[ $port != "${3:-}" ]] && ! in_use "$port"; then
      echo "$port"
      return
    fi
  done
  die "no free port in $2-$(($2 + 99)); set $1"
}

# Stops the servers this script started, newest first: SIGTERM, then SIGKILL after 30 s.
PIDS=()
stop_servers() {
  local pid i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid=${PIDS[i]}
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_servers EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# wait_until SECONDS PID LOG DESCRIPTION COMMAND...: polls COMMAND once a second.
wait_until() {
  local seconds=$1 pid=$2 log=$3 what=$4 i
  shift 4
  for ((i = 0; i < seconds; i++)); do
    if "$@"; then
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$log" >&2
      die "$what stopped while starting (log: $log)"
    fi
    sleep 1
  done
  tail -n 40 "$log" >&2
  die "$what did not answer within $seconds s (log: $log)"
}

# app_answers LOG PORT: Payara Micro keeps running when the deployment fails, so look for that in its log.
app_answers() {
  if grep -q 'Exception while loading the app' "$1"; then
    grep -E 'SEVERE|Exception while loading the app' "$1" | tail -n 5 >&2
    die "the sample failed to deploy (log: $1)"
  fi
  curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$2/api/products" 2>/dev/null
}

# start_payara NAME PORT OTHER_PORT LOG: one instance of the sample; the page names the instance and
# links to the other one, which serves the same sessions from the same table.
start_payara() {
  rm -rf "$TARGET/payara-root-$1"
  AWS_EC2_METADATA_DISABLED=true "$JAVA" -Xmx512m \
    -Dhazelcast.phone.home.enabled=false \
    -Daws.region=us-east-1 -Daws.accessKeyId=dummy -Daws.secretAccessKey=dummy \
    -Daws.disableEc2Metadata=true \
    -Ddysession.dynamodb.endpoint="http://127.0.0.1:$DDB_PORT" \
    -Dsample.instance="$1" -Dsample.other-instance="http://127.0.0.1:$3/" \
    -jar "$TARGET/payara-micro/payara-micro.jar" \
    --nocluster --disablephonehome \
    --prebootcommandfile "$ROOT/payara-sample/payara-preboot.txt" \
    --rootdir "$TARGET/payara-root-$1" \
    --port "$2" --contextroot / \
    --deploy "$TARGET/dysession-payara-sample.war" >"$4" 2>&1 &
  PIDS+=($!)
}

DDB_PORT=$(pick_port DDB_PORT 8000)
PORT=$(pick_port PORT 8080 "$DDB_PORT")
PORT_B=$(pick_port PORT_B $((PORT + 1)) "$DDB_PORT")

echo "Building the library and the sample..."
mvn -B -q install -DskipTests
mvn -B -q -f payara-sample/pom.xml package
"$ROOT/tools/dynamodb-emulator.sh" --check

DDB_LOG=$TARGET/dynamodb-emulator.log
echo "Starting the DynamoDB emulator (moto, in memory) on 127.0.0.1:$DDB_PORT..."
"$ROOT/tools/dynamodb-emulator.sh" --port "$DDB_PORT" >"$DDB_LOG" 2>&1 &
PIDS+=($!)
wait_until 60 "${PIDS[0]}" "$DDB_LOG" "The DynamoDB emulator" in_use "$DDB_PORT"

PAYARA_LOG=$TARGET/payara-micro.log
PAYARA_LOG_B=$TARGET/payara-micro-b.log
echo "Starting two Payara Micro instances on 127.0.0.1:$PORT and :$PORT_B (no clustering, no phone-home)..."
start_payara A "$PORT" "$PORT_B" "$PAYARA_LOG"
start_payara B "$PORT_B" "$PORT" "$PAYARA_LOG_B"
wait_until "$START_TIMEOUT" "${PIDS[1]}" "$PAYARA_LOG" "The sample (instance A)" app_answers "$PAYARA_LOG" "$PORT"
wait_until "$START_TIMEOUT" "${PIDS[2]}" "$PAYARA_LOG_B" "The sample (instance B)" app_answers "$PAYARA_LOG_B" "$PORT_B"

BASE=http://127.0.0.1:$PORT
BASE_B=http://127.0.0.1:$PORT_B
echo
echo "The sample is running at $BASE/ (instance A) and $BASE_B/ (instance B, same sessions);"
echo "JSON API under /api/. Logs: $PAYARA_LOG, $PAYARA_LOG_B, $DDB_LOG"

if [[ $SMOKE != 1 ]]; then
  echo "Press Ctrl-C to stop."
  set +e
  wait -n "${PIDS[@]}"
  status=$?
  set -e
  tail -n 40 "$PAYARA_LOG" >&2
  die "a server stopped by itself (exit status $status)"
fi

# ---- smoke test: one visitor walks the JSON API and the page, a second one sees none of it ----

JAR=$TARGET/smoke-cookies.txt
OTHER_JAR=$TARGET/smoke-other-cookies.txt
rm -f "$JAR" "$OTHER_JAR"
passed=0
failed=0

# call COOKIE_JAR METHOD PATH [JSON]: sets STATUS and BODY.
call() {
  local out
  out=$(curl -sS --max-time 30 -b "$1" -c "$1" -X "$2" -H 'Content-Type: application/json' \
    ${4:+--data "$4"} -w '\n%{http_code}' "$BASE$3") || out=$'\n000'
  STATUS=${out##*$'\n'}
  BODY=${out%$'\n'*}
}

# form PATH FIELDS: POSTs an HTML form the way a browser does; sets STATUS, and BODY to
# "Location: <redirect URL>" followed by the response body.
form() {
  local out last
  out=$(curl -sS --max-time 30 -b "$JAR" -c "$JAR" -d "$2" \
    -w '\n%{http_code} %{redirect_url}' "$BASE$1") || out=$'\n000 '
  last=${out##*$'\n'}
  STATUS=${last%% *}
  BODY="Location: ${last#* }"$'\n'"${out%$'\n'*}"
}

# headers PATH: GETs PATH as the visitor; sets STATUS, and BODY to the response's headers.
headers() {
  local out
  out=$(curl -sS --max-time 30 -b "$JAR" -c "$JAR" -o /dev/null -D - "$BASE$1") || out='HTTP/1.1 000'
  STATUS=$(awk 'NR == 1 { print $2 }' <<<"$out")
  BODY=$out
}

pass() {
  passed=$((passed + 1))
  echo "PASS  $1"
}

fail() {
  failed=$((failed + 1))
  echo "FAIL  $1: $2"
}

# expect DESCRIPTION STATUS [PATTERN...]: the last response had STATUS and matches each ERE PATTERN.
expect() {
  local what=$1 status=$2 pattern ok=1
  shift 2
  [[ $STATUS == "$status" ]] || ok=0
  for pattern in "$@"; do
    grep -Eq -- "$pattern" <<<"$BODY" || ok=0
  done
  if ((ok)); then
    pass "$what"
  else
    fail "$what" "expected $status matching $*, got $STATUS $BODY"
  fi
}

# expect_session_cookie DESCRIPTION yes|no: whether the visitor's cookie jar holds the session cookie.
expect_session_cookie() {
  local has=no
  if grep -q DYSESSION "$JAR" 2>/dev/null; then
    has=yes
  fi
  if [[ $has == "$2" ]]; then
    pass "$1"
  else
    fail "$1" "session cookie expected: $2, present: $has"
  fi
}

echo
echo "Smoke test against $BASE"

call "$JAR" GET /api/products
expect "GET /api/products lists the catalog" 200 '"sku":"TEA-GREEN"' '"sku":"KETTLE"'

call "$JAR" GET /api/cart
expect "GET /api/cart of a new visitor is empty" 200 '"itemCount":0[,}]' '"lines":\[\]'
expect_session_cookie "reading an empty cart creates no session" no

call "$JAR" POST /api/cart/items '{"sku":"TEA-GREEN","quantity":2}'
expect "POST /api/cart/items adds 2 green teas" 200 '"itemCount":2[,}]' '"totalCents":1300[,}]'
expect_session_cookie "the first change sets the session cookie" yes

call "$JAR" POST /api/cart/items '{"sku":"MUG"}'
expect "POST /api/cart/items adds a mug" 200 '"itemCount":3[,}]' '"totalCents":2700[,}]'

call "$JAR" POST /api/cart/items '{"sku":"NOPE","quantity":1}'
expect "POST /api/cart/items rejects an unknown SKU" 400 '"error":'

call "$JAR" GET /api/cart
expect "GET /api/cart reads the cart back" 200 '"itemCount":3[,}]' '"sku":"MUG"' '"sku":"TEA-GREEN"'

call "$JAR" DELETE /api/cart/items/MUG
expect "DELETE /api/cart/items/MUG removes the mug" 200 '"itemCount":2[,}]'

call "$JAR" GET /api/cart
expect "the removal is kept" 200 '"itemCount":2[,}]' '"totalCents":1300[,}]'

call "$OTHER_JAR" GET /api/cart
expect "another visitor has an empty cart" 200 '"itemCount":0[,}]'

call "$JAR" GET /api/checkout
expect "GET /api/checkout starts at the contact step" 200 '"step":"CONTACT"'

call "$JAR" POST /api/checkout/shipping '{"street":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}'
expect "shipping before contact is a conflict" 409 '"error":'

call "$JAR" POST /api/checkout/contact '{"name":"","email":"not-an-address"}'
expect "invalid contact details are rejected per field" 400 '"name":' '"email":'

call "$JAR" POST /api/checkout/contact '{"name":"Ada Lovelace","email":"ada@example.com"}'
expect "step 1: contact accepted" 200 '"step":"SHIPPING"'

call "$JAR" POST /api/checkout/shipping '{"street":"1 Main St","city":"Springfield","postalCode":"12345","country":"US","method":"EXPRESS"}'
expect "step 2: shipping accepted" 200 '"step":"REVIEW"'

call "$JAR" GET /api/checkout
expect "the wizard is kept between requests" 200 '"step":"REVIEW"' '"name":"Ada Lovelace"' '"city":"Springfield"' '"method":"EXPRESS"'

call "$JAR" POST /api/checkout/order
expect "step 3: order placed" 200 '"step":"DONE"' '"number":"DY-[0-9A-F]{8}"' '"totalCents":2290[,}]'

call "$JAR" GET /api/cart
expect "placing the order emptied the cart" 200 '"itemCount":0[,}]'

call "$JAR" DELETE /api/checkout
expect "DELETE /api/checkout starts over" 200 '"step":"CONTACT"'

call "$JAR" GET /
expect "GET / renders the page" 200 '<h1>Tea shop</h1>' 'Your cart is empty'

form /cart/add 'sku=KETTLE&quantity=1'
expect "the page's add-to-cart form redirects after POST" 302 "^Location: $BASE/\$"

call "$JAR" GET /
expect "the page shows the kettle in the cart" 200 'action="cart/remove"' 'value="KETTLE"><button>Remove'

headers /
expect "the page's Server-Timing header names its DynamoDB call and the item's size" 200 \
  '^[Ss]erver-[Tt]iming: dynamodb-1;desc="GetItem";dur=[0-9.]+, dysession-item;desc="[0-9]+ bytes"'

form /checkout/contact 'name=Grace+Hopper&email=grace%40example.com'
expect "the page's contact form redirects after POST" 302 "^Location: $BASE/\$"

call "$JAR" GET /
expect "the page shows step 2" 200 '<b>2. Shipping</b>' 'name="street"'

form /checkout/shipping 'street=1+Main+St&city=&postalCode=12345&country=US&method=STANDARD'
expect "a rejected form shows the page again with the problem" 422 'Enter the city' 'value="1 Main St"'

echo "sample smoke checks: $passed of $((passed + failed)) succeeded"

if [[ $BROWSER == 1 ]]; then
  echo
  echo "Browser test against $BASE/ (headless Chromium)"
  if ! (cd "$ROOT/browser-test" && BASE_URL="$BASE/" OTHER_URL="$BASE_B/" node sample-page.test.mjs); then
    failed=$((failed + 1))
  fi
fi
if ((failed > 0)); then
  echo "Last lines of $PAYARA_LOG:" >&2
  tail -n 40 "$PAYARA_LOG" >&2
  exit 1
fi
