#!/usr/bin/env bash
# The core scenarios on every supported server: the sample WAR (payara-sample/, no beans.xml) on
# Payara Micro, WildFly, Open Liberty and Tomcat with TomEE's parts (tomcat-runner/: OpenWebBeans,
# CXF, Johnzon, SmallRye Config), each run as two instances sharing one table; and the Jakarta EE 11
# targets payara7 (Payara Micro 7 on the JDK in PAYARA7_JAVA_HOME, Temurin 25 by default) and
# liberty11 (Open Liberty with webProfile-11.0, from LIBERTY11_ARTIFACT).
#
#   tools/server-scenarios.sh [--logins-only] [payara] [wildfly] [liberty] [tomcat] [payara7] [liberty11]
#                                         (default: payara wildfly liberty tomcat payara7)
#
# Per server: start instances A and B, then check
#   - state across requests (A), the same session on the other instance (B, no stickiness),
#   - the `dysession /` readiness check and the dysession_* metrics where the server has them,
#   - no SLF4J warning in the log,
#   - state after A is stopped and started again;
# then start A and B again with LoginIT's application (a @DySessionLogin mechanism; built from the
# test classes by io.dysession.it.login.LoginWar) and check that a login on A holds on B with its groups,
# that an anonymous request to a protected servlet gets 401, and that a logout on B is anonymous on A;
# then two applications on one server, each on its own table, with their own gauges and readiness
# checks (two_apps; TWO_APPS_ONLY=true runs it alone);
# and on Open Liberty without the mpConfig feature, the deployment error that says what to add.
# What a server does not have is skipped and said (Tomcat: no MicroProfile Health or Metrics, no
# Jakarta Security for the login application).
# --logins-only runs the login part alone (no sample, no restart, no mpConfig check).
# Needs the library installed and the sample built (./run-sample.sh --smoke does both; otherwise
# mvn install -DskipTests && mvn -f payara-sample/pom.xml package); --logins-only needs neither, only
# the compiled test classes (it runs mvn test-compile itself). The server distributions come
# from Maven Central through Maven (WildFly and Open Liberty zips, the Payara Micro jar; Tomcat's parts
# as tomcat-runner/'s dependencies, which `mvn -f tomcat-runner/pom.xml package` puts in
# tomcat-runner/target/lib) and are unpacked under target/servers. Everything binds to 127.0.0.1; nothing is fetched at run time by
# the servers. Logs: target/servers/<server>-<instance>.log. Ports: the first free ones from 8180 (the
# servers; SCENARIO_PORTS=N to start elsewhere) and 8100 (the emulator; SCENARIO_DDB_PORT=N), so that
# two runs from two working trees can share a machine.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/servers
WAR=${WAR:-$ROOT/payara-sample/target/dysession-payara-sample.war}
LOGIN_WAR=$ROOT/target/servers/login.war
DEPLOY=$WAR  # what start_<server> deploys, as the root application
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
START_TIMEOUT=240
VERSION_PAYARA=6.2025.10
VERSION_WILDFLY=39.0.1.Final
VERSION_LIBERTY=26.0.0.3
# Jakarta EE 11: Payara Micro 7 needs Java 21 or later; Open Liberty's webProfile-11.0 must be in the
# runtime zip (LIBERTY11_ARTIFACT, fetched through Maven), since Liberty never downloads a feature here
VERSION_PAYARA7=7.2026.11
PAYARA7_JAVA_HOME=${PAYARA7_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
LIBERTY11_ARTIFACT=${LIBERTY11_ARTIFACT:-io.openliberty:openliberty-runtime:$VERSION_LIBERTY}
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
LOGINS_ONLY=false
if [[ ${1:-} == --logins-only ]]; then
  LOGINS_ONLY=true
  shift
fi
SERVERS=("$@")
((${#SERVERS[@]})) || SERVERS=(payara wildfly liberty tomcat payara7)

export AWS_EC2_METADATA_DISABLED=true
# what every server JVM gets: a modest heap, the emulator, an explicit region, dummy credentials
aws_options() {
  echo "-Xmx512m -Daws.region=us-east-1 -Daws.accessKeyId=dummy -Daws.secretAccessKey=dummy" \
    "-Daws.disableEc2Metadata=true -Ddysession.dynamodb.endpoint=http://127.0.0.1:$DDB_PORT" \
    "-Ddysession.table.name=scenarios-$1"
}

die() {
  echo "server-scenarios: $*" >&2
  exit 1
}

$LOGINS_ONLY || [[ -f $WAR ]] || die "$WAR is missing: run mvn install -DskipTests && mvn -f payara-sample/pom.xml package"
for tool in curl zip unzip; do command -v "$tool" >/dev/null || die "$tool is needed"; done

in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port FROM: the first port from FROM on that nothing listens on and no earlier call returned.
TAKEN=" "
free_port() {
  local port
  for ((port = $1; port < $1 + 500; port++)); do
    if [[ $TAKEN != *" $port "* ]] && ! in_use "$port"; then
      TAKEN+="$port "
      echo "$port"
      return
    fi
  done
  die "no free port from $1 on"
}

# Processes this script started, by instance name; stopped by PID only.
declare -A PID=()
stop() {
  local pid=${PID[$1]:-}
  [[ -n $pid ]] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 120); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PID[$1]"
}
stop_all() {
  local name
  for name in "${!PID[@]}"; do
    [[ $name == emulator ]] || stop "$name"
  done
  stop emulator
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# fetch GROUP:ARTIFACT:VERSION:TYPE: the artifact's file, through Maven (local repository first).
fetch() {
  local artifact version type file
  IFS=: read -r _ artifact version type <<<"$1"
  file=$OUT/dist/$artifact-$version.$type
  if [[ ! -f $file ]]; then
    (cd "$OUT/dist" && mvn -B -ntp -q "$DEPENDENCY_PLUGIN:copy" -Dartifact="$1" -DoutputDirectory="$OUT/dist" >&2) ||
      die "Maven could not fetch $1"
  fi
  echo "$file"
}

# ---- one launcher per server: prepare NAME once, then start NAME INSTANCE PORT ----

# prepare_payara [VERSION JAVA]: Payara Micro 6 on this script's Java, by default.
prepare_payara() {
  PAYARA_JAR=$(fetch "fish.payara.extras:payara-micro:${1:-$VERSION_PAYARA}:jar")
  PAYARA_JAVA=${2:-$JAVA}
}

# Payara Micro 7 (Jakarta EE 11) on JDK 21+: the same launcher, flags and preboot commands.
prepare_payara7() {
  [[ -x $PAYARA7_JAVA_HOME/bin/java ]] || die "Payara Micro 7 needs Java 21 or later: set PAYARA7_JAVA_HOME"
  prepare_payara "$VERSION_PAYARA7" "$PAYARA7_JAVA_HOME/bin/java"
}
start_payara7() {
  start_payara "$@"
}

start_payara() {
  local instance=$1 port=$2
  # Payara Micro deploys again what its root directory holds: every start begins from an empty one
  rm -rf "$OUT/$SERVER-$instance-root"
  local deploy=(--deploy "$DEPLOY" --contextroot /)
  [[ -d $DEPLOY ]] && deploy=(--deploymentdir "$DEPLOY") # two_apps: each WAR under its file name
  "$PAYARA_JAVA" $(aws_options "$SERVER") -Dhazelcast.phone.home.enabled=false -jar "$PAYARA_JAR" \
    --nocluster --disablephonehome --prebootcommandfile "$ROOT/payara-sample/payara-preboot.txt" \
    --rootdir "$OUT/$SERVER-$instance-root" --port "$port" "${deploy[@]}" >>"$OUT/$SERVER-$instance.log" 2>&1 &
  PID[$SERVER-$instance]=$!
  HEALTH[$instance]=http://127.0.0.1:$port/health/ready
  METRICS[$instance]="http://127.0.0.1:$port/metrics?scope=application"
}

prepare_wildfly() {
  local zip
  zip=$(fetch "org.wildfly:wildfly-dist:$VERSION_WILDFLY:zip")
  WILDFLY_HOME=$OUT/wildfly-$VERSION_WILDFLY
  [[ -d $WILDFLY_HOME ]] || unzip -q -d "$OUT" "$zip"
}

# standalone-microprofile.xml (MicroProfile Config and Health); the WAR as ROOT.war, so the
# welcome content leaves "/" to it. Each instance has its own base directory and a port offset.
# integrated-jaspi="false": an application's own Jakarta Security mechanism (the login WAR's) may
# name callers the server's ApplicationDomain does not know; without it Elytron refuses them
# (ELY01177: Authorization failed).
start_wildfly() {
  local instance=$1 port=$2 base=$OUT/wildfly-$1
  rm -rf "$base"
  cp -r "$WILDFLY_HOME/standalone" "$base"
  sed -i -e '/<location name="\/" handler="welcome-content"\/>/d' \
    -e 's|<application-security-domain name="other" security-domain="ApplicationDomain"/>|<application-security-domain name="other" security-domain="ApplicationDomain" integrated-jaspi="false"/>|' \
    "$base/configuration/standalone-microprofile.xml"
  if [[ -d $DEPLOY ]]; then cp "$DEPLOY"/*.war "$base/deployments/"; else cp "$DEPLOY" "$base/deployments/ROOT.war"; fi
  LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="$(aws_options wildfly) -Djava.net.preferIPv4Stack=true" \
    "$WILDFLY_HOME/bin/standalone.sh" -c standalone-microprofile.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset=$((port - 8080)) \
    >>"$OUT/wildfly-$instance.log" 2>&1 &
  PID[wildfly-$instance]=$!
  HEALTH[$instance]=http://127.0.0.1:$((port - 8080 + 9990))/health/ready
  METRICS[$instance]=
}

# prepare_liberty [PLATFORM ARTIFACT]: the runtime zip, which must hold the platform feature.
prepare_liberty() {
  local artifact=${2:-io.openliberty:openliberty-runtime:$VERSION_LIBERTY} zip name
  LIBERTY_PLATFORM=${1:-webProfile-10.0}
  zip=$(fetch "$artifact:zip")
  name=$(basename "$zip" .zip)
  LIBERTY_HOME=$OUT/$name/wlp
  [[ -d $LIBERTY_HOME ]] || unzip -q -d "$OUT/$name" "$zip"
  compgen -G "$LIBERTY_HOME/lib/features/*.$LIBERTY_PLATFORM.mf" >/dev/null ||
    die "$name has no $LIBERTY_PLATFORM feature in lib/features, and Liberty must not download one:" \
      "set LIBERTY11_ARTIFACT to a served runtime zip that holds it"
}

# Open Liberty with webProfile-11.0 (Jakarta EE 11): the same launcher and MicroProfile features.
prepare_liberty11() {
  prepare_liberty webProfile-11.0 "$LIBERTY11_ARTIFACT"
}
start_liberty11() {
  start_liberty "$@"
}

# LIBERTY_PLATFORM (webProfile-10.0 or -11.0) plus mpConfig (required), mpHealth and mpMetrics (for
# the check and the gauges); FEATURES replaces the three MicroProfile features.
start_liberty() {
  local instance=$1 port=$2 dir=$OUT/$SERVER-usr/servers/$1 feature features="" war apps
  apps="  <webApplication location=\"$DEPLOY\" contextRoot=\"/\"/>"
  if [[ -d $DEPLOY ]]; then # two_apps: each WAR under its file name
    apps=$(for war in "$DEPLOY"/*.war; do echo "  <webApplication location=\"$war\" contextRoot=\"/$(basename "$war" .war)\"/>"; done)
  fi
  for feature in ${FEATURES-mpConfig-3.1 mpHealth-4.0 mpMetrics-5.1}; do
    features+="    <feature>$feature</feature>"$'\n'
  done
  rm -rf "$dir"
  mkdir -p "$dir"
  cat >"$dir/server.xml" <<EOF
<server description="dysession scenarios">
  <featureManager>
    <feature>$LIBERTY_PLATFORM</feature>
$features  </featureManager>
  <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="$port" httpsPort="-1"/>
  <mpMetrics authentication="false"/>
$apps
</server>
EOF
  tr ' ' '\n' <<<"$(aws_options "$SERVER")" >"$dir/jvm.options"
  WLP_USER_DIR=$OUT/$SERVER-usr "$LIBERTY_HOME/bin/server" run "$instance" >>"$OUT/$SERVER-$instance.log" 2>&1 &
  PID[$SERVER-$instance]=$!
  HEALTH[$instance]=http://127.0.0.1:$port/health/ready
  METRICS[$instance]="http://127.0.0.1:$port/metrics?scope=application"
}

# Embedded Tomcat 10.1 with TomEE's parts on the container class path; the runner exits when the
# application fails to start. It has no MicroProfile Health or Metrics, and no Jakarta Security.
prepare_tomcat() {
  (cd "$ROOT/tomcat-runner" && mvn -B -ntp -q package >&2) || die "could not build tomcat-runner/"
  TOMCAT_RUNNER=$ROOT/tomcat-runner/target/dysession-tomcat-runner.jar
  NO_LOGINS="Tomcat has no Jakarta Security"
}

start_tomcat() {
  local instance=$1 port=$2
  rm -rf "$OUT/tomcat-$instance"
  "$JAVA" $(aws_options tomcat) -jar "$TOMCAT_RUNNER" --port "$port" --war "$DEPLOY" \
    --base "$OUT/tomcat-$instance" >>"$OUT/tomcat-$instance.log" 2>&1 &
  PID[tomcat-$instance]=$!
  HEALTH[$instance]=
  METRICS[$instance]=
}

# wait_for SERVER INSTANCE PORT [PATH]: until PATH (default: the sample's /api/products) answers.
# A deployment failure leaves Payara and Liberty running: look for it in the log as well.
wait_for() {
  local server=$1 instance=$2 port=$3 path=${4:-/api/products} log=$OUT/$1-$2.log i
  for ((i = 0; i < START_TIMEOUT; i++)); do
    if curl -fsS -o /dev/null --max-time 5 "http://127.0.0.1:$port$path" 2>/dev/null; then
      return 0
    fi
    if grep -Eq 'Exception while loading the app|CWWKZ0002E|WFLYCTL0186|WFLYSRV0026.*(failed|with errors)' "$log"; then
      grep -E 'SEVERE|ERROR|CWWKZ0002E|WFLYCTL' "$log" | tail -n 10 >&2
      die "the sample failed to deploy on $server ($log)"
    fi
    kill -0 "${PID[$server-$instance]}" 2>/dev/null || { tail -n 40 "$log" >&2; die "$server $instance stopped ($log)"; }
    sleep 1
  done
  tail -n 40 "$log" >&2
  die "$server $instance did not answer within $START_TIMEOUT s ($log)"
}

# ---- checks ----

passed=0
failed=0
check() {
  local what=$1 pattern=$2 body=$3
  if grep -Eq -- "$pattern" <<<"$body"; then
    passed=$((passed + 1))
    echo "PASS  $SERVER: $what"
  else
    failed=$((failed + 1))
    echo "FAIL  $SERVER: $what: expected /$pattern/ in: ${body:0:400}"
  fi
}

# call PORT METHOD PATH [JSON]: the response body; the visitor's cookies are in $JAR.
call() {
  curl -sS --max-time 30 -b "$JAR" -c "$JAR" -X "$2" -H 'Content-Type: application/json' \
    ${4:+--data "$4"} "http://127.0.0.1:$1$3" || true
}

scenarios() {
  SERVER=$1
  local a b body
  declare -gA HEALTH=() METRICS=()
  NO_LOGINS=""  # why the server cannot run the login application, if it cannot
  "prepare_$SERVER"
  rm -f "$OUT/$SERVER"-*.log
  a=$(free_port "${SCENARIO_PORTS:-8180}")
  b=$(free_port $((a + 100)))  # WildFly: port offsets 100 apart, so no two socket bindings meet
  echo "== $SERVER: instances A on $a and B on $b"
  if $LOGINS_ONLY; then
    logins_if_any "$a" "$b"
    return
  fi
  if ${TWO_APPS_ONLY:-false}; then # issue 20 part 7: TWO_APPS_ONLY=true runs the two-applications check alone
    two_apps "$a"
    return
  fi
  "start_$SERVER" a "$a"
  "start_$SERVER" b "$b"
  wait_for "$SERVER" a "$a"
  wait_for "$SERVER" b "$b"

  JAR=$OUT/$SERVER-cookies.txt
  rm -f "$JAR"
  call "$a" POST /api/cart/items '{"sku":"TEA-GREEN","quantity":2}' >/dev/null
  body=$(call "$a" GET /api/cart)
  check "state across requests on one instance" '"itemCount":2[,}]' "$body"
  body=$(call "$b" GET /api/cart)
  check "the other instance serves the same session" '"itemCount":2[,}]' "$body"
  body=$(call "$b" POST /api/cart/items '{"sku":"MUG"}')
  check "a change on B" '"itemCount":3[,}]' "$body"
  body=$(call "$a" GET /api/cart)
  check "is seen on A" '"itemCount":3[,}]' "$body"

  if [[ -n ${HEALTH[a]} ]]; then
    body=$(curl -sS --max-time 30 "${HEALTH[a]}" || true)
    check "readiness check dysession / is UP" '"name":"dysession /","status":"UP"' "$body"
  else
    echo "SKIP  $SERVER: readiness check (no MicroProfile Health)"
  fi
  if [[ -n ${METRICS[a]} ]]; then
    body=$(curl -sS --max-time 30 "${METRICS[a]}" || true)
    check "dysession_* metrics" '^dysession_sessions_created[{ ].* [1-9]' "$body"
  else
    echo "SKIP  $SERVER: dysession_* metrics (no MicroProfile Metrics in the application scope)"
  fi

  echo "   restarting A"
  stop "$SERVER-a"
  "start_$SERVER" a "$a"
  wait_for "$SERVER" a "$a"
  body=$(call "$a" GET /api/cart)
  check "state after a restart" '"itemCount":3[,}]' "$body"

  stop "$SERVER-a"
  stop "$SERVER-b"
  logins_if_any "$a" "$b"
  if [[ -n ${HEALTH[a]} ]]; then # two applications on one server: their readiness checks and gauges
    two_apps "$a"
  else
    echo "SKIP  $SERVER: two applications on one server (no MicroProfile Health)"
  fi
  body=$(grep -h 'SLF4J' "$OUT/$SERVER"-*.log || true)
  check "no SLF4J warning in the logs" '^$' "$body"
  if [[ $SERVER == liberty ]]; then
    without_config "$a"
  fi
}

# anonymous PORT PATH: "<status> <body bytes> bytes" of a GET without cookies.
anonymous() {
  curl -sS --max-time 30 -o /dev/null -w '%{http_code} %{size_download} bytes' "http://127.0.0.1:$1$2" || true
}

logins_if_any() {
  if [[ -n $NO_LOGINS ]]; then
    echo "SKIP  $SERVER: the login application ($NO_LOGINS)"
  else
    logins "$@"
  fi
}

# logins PORT_A PORT_B: LoginIT's application on both instances; a login made on A holds on B, with
# its groups, an anonymous request to a protected servlet gets 401 (the mechanism answers
# responseUnauthorized() when isProtected()), and a logout on B is anonymous on A.
logins() {
  local a=$1 b=$2 body
  echo "   the login application on A and B"
  DEPLOY=$LOGIN_WAR "start_$SERVER" a "$a"
  DEPLOY=$LOGIN_WAR "start_$SERVER" b "$b"
  wait_for "$SERVER" a "$a" /me
  wait_for "$SERVER" b "$b" /me
  JAR=$OUT/$SERVER-login-cookies.txt
  rm -f "$JAR"
  body=$(call "$a" GET '/me?user=alice&password=pw-alice')
  check "a @DySessionLogin login on A" '^principal=alice admin=true caller=alice$' "$body"
  body=$(call "$b" GET /me)
  check "the login holds on B, with its groups" '^principal=alice admin=true caller=alice$' "$body"
  body=$(call "$b" GET /secure/admin)
  check "B lets it into @RolesAllowed(\"admin\")" '^admin alice$' "$body"
  body=$(call "$b" GET /protected)
  check "B lets it into a protected servlet" '^protected alice$' "$body"
  body=$(anonymous "$b" /protected)
  echo "      anonymous GET /protected (servlet security constraint): $body"
  check "an anonymous request to a protected servlet gets 401" '^401 ' "$body"
  echo "      anonymous GET /secure/user (JAX-RS @RolesAllowed): $(anonymous "$b" /secure/user)"
  call "$b" GET /signout >/dev/null
  body=$(call "$a" GET /me)
  check "a logout on B is anonymous on A" '^principal=none admin=false caller=none$' "$body"
  stop "$SERVER-a"
  stop "$SERVER-b"
}

# Open Liberty without the mpConfig feature: the deployment fails and the console says what to add.
without_config() {
  local log=$OUT/liberty-noconfig.log i
  rm -f "$log"
  FEATURES="" start_liberty noconfig "$1"
  for ((i = 0; i < START_TIMEOUT; i++)); do
    grep -q 'CWWKZ0002E' "$log" && break
    kill -0 "${PID[liberty-noconfig]}" 2>/dev/null || break
    sleep 1
  done
  check "without mpConfig the deployment fails saying what to add" \
    'CWWKZ0002E.*dysession reads its settings with MicroProfile Config, which this server does not provide to the application \(org\.eclipse\.microprofile\.config\.ConfigProvider is missing\)\. On Open Liberty add the feature mpConfig-3\.1 to server\.xml' \
    "$(grep 'CWWKZ0002E' "$log" || echo "no CWWKZ0002E in $log")"
  stop liberty-noconfig
}

# ---- two applications on one server (issue 20 part 7) ----

# two_apps_war NAME TABLE: a copy of the sample as NAME.war whose own microprofile-config.properties
# points at TABLE; its config_ordinal (500) puts it above the system properties aws_options sets.
two_apps_war() {
  local dir=$OUT/two-apps/$1
  mkdir -p "$dir/WEB-INF/classes/META-INF"
  printf '%s\n' config_ordinal=500 "dysession.dynamodb.endpoint=http://127.0.0.1:$DDB_PORT" \
    dysession.dynamodb.region=us-east-1 "dysession.table.name=$2" dysession.table.auto-create=true \
    >"$dir/WEB-INF/classes/META-INF/microprofile-config.properties"
  cp "$WAR" "$OUT/two-apps/deploy/$1.war"
  (cd "$dir" && zip -q "$OUT/two-apps/deploy/$1.war" WEB-INF/classes/META-INF/microprofile-config.properties)
}

# delete_table NAME: DeleteTable on the emulator (moto reads the region from the credential scope).
delete_table() {
  curl -sS --max-time 30 -o /dev/null -H 'Content-Type: application/x-amz-json-1.0' \
    -H 'X-Amz-Target: DynamoDB_20120810.DeleteTable' \
    -H 'Authorization: AWS4-HMAC-SHA256 Credential=dummy/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0' \
    --data "{\"TableName\":\"$1\"}" "http://127.0.0.1:$DDB_PORT/" || true
}

# two_apps PORT: the sample twice on one server, as /shop-a on table scenarios-two-a and /shop-b on
# scenarios-two-b. Sessions made in /shop-a show in its gauges only; both readiness checks are
# listed and UP; once /shop-b's table is deleted, only /shop-b's check is DOWN.
two_apps() {
  local port=$1 body
  echo "   two applications on one server: /shop-a and /shop-b"
  rm -rf "$OUT/two-apps"
  mkdir -p "$OUT/two-apps/deploy"
  two_apps_war shop-a scenarios-two-a
  two_apps_war shop-b scenarios-two-b
  DEPLOY=$OUT/two-apps/deploy "start_$SERVER" two "$port"
  wait_for "$SERVER" two "$port" /shop-a/api/products
  wait_for "$SERVER" two "$port" /shop-b/api/products
  JAR=$OUT/$SERVER-two-cookies.txt
  rm -f "$JAR"
  call "$port" POST /shop-a/api/cart/items '{"sku":"TEA-GREEN","quantity":2}' >/dev/null
  body=$(call "$port" GET /shop-a/api/cart)
  check "two apps: state in /shop-a" '"itemCount":2[,}]' "$body"
  body=$(curl -sS --max-time 30 "${HEALTH[two]}" || true)
  echo "      readiness: ${body:0:1500}"
  check "two apps: /shop-a's readiness check is UP" '"name":"dysession /shop-a","status":"UP"' "$body"
  check "two apps: /shop-b's readiness check is UP" '"name":"dysession /shop-b","status":"UP"' "$body"
  if [[ -n ${METRICS[two]} ]]; then
    body=$(curl -sS --max-time 30 "${METRICS[two]}" || true)
    echo "      gauges:"$'\n'"$(grep '^dysession_sessions_created' <<<"$body" || echo none)"
    check "two apps: /shop-a's gauge counts its session" \
      '^dysession_sessions_created\{([^}]*,)?dysession_app="/shop-a"[,}].* [1-9]' "$body"
    check "two apps: /shop-b's gauge counts none" \
      '^dysession_sessions_created\{([^}]*,)?dysession_app="/shop-b"[,}].* 0(\.0)?$' "$body"
  fi
  delete_table scenarios-two-b
  body=$(curl -sS --max-time 30 "${HEALTH[two]}" || true)
  echo "      readiness without /shop-b's table: ${body:0:1500}"
  check "two apps: without its table /shop-b's readiness check is DOWN" '"name":"dysession /shop-b","status":"DOWN"' "$body"
  check "two apps: /shop-a's stays UP" '"name":"dysession /shop-a","status":"UP"' "$body"
  stop "$SERVER-two"
}

mkdir -p "$OUT/dist"
echo "Building the login application ($LOGIN_WAR) from the test classes..."
mvn -B -ntp -q test-compile exec:java -Dexec.mainClass=io.dysession.it.login.LoginWar -Dexec.classpathScope=test \
  -Dexec.args="$LOGIN_WAR" || die "could not build $LOGIN_WAR"
tools/dynamodb-emulator.sh --check
DDB_PORT=$(free_port "${SCENARIO_DDB_PORT:-8100}")
tools/dynamodb-emulator.sh --port "$DDB_PORT" >"$OUT/dynamodb-emulator.log" 2>&1 &
PID[emulator]=$!
for _ in $(seq 60); do
  in_use "$DDB_PORT" && break
  sleep 1
done
in_use "$DDB_PORT" || die "the DynamoDB emulator did not start ($OUT/dynamodb-emulator.log)"

for server in "${SERVERS[@]}"; do
  case $server in
    payara | wildfly | liberty | tomcat | payara7 | liberty11) scenarios "$server" ;;
    *) die "unknown server '$server': payara, wildfly, liberty, tomcat, payara7 or liberty11" ;;
  esac
done

echo "server scenarios: $passed of $((passed + failed)) checks passed"
((failed == 0))
