#!/usr/bin/env python3
"""Where a Java Flight Recorder profile's CPU samples went, by component.

    tools/profile_summary.py target/bench/read.jfr [more.jfr ...]

Each jdk.ExecutionSample is charged to the component of its first frame, from the top of the
stack, that is not JDK code (java.*, javax.*, jdk.*, sun.*, com.sun.crypto): a HashMap.get called
by the AWS SDK counts for the SDK. A stack of JDK frames only counts for "JDK". Then the share of
samples in which each of dysession's methods is anywhere on the stack (its inclusive share).

Needs the `jfr` tool of a JDK (JAVA_HOME, else the one on PATH).
"""
import collections
import json
import os
import subprocess
import sys

JDK = ("java.", "javax.", "jdk.", "sun.", "com.sun.crypto.", "com.sun.proxy.")
# (component, package prefixes); the first that matches wins, so the specific ones come first
COMPONENTS = [
    ("AWS SDK: Jackson (JSON protocol)", ("com.fasterxml.jackson.", "software.amazon.awssdk.thirdparty.jackson.")),
    ("AWS SDK: signing and credentials", ("software.amazon.awssdk.auth.", "software.amazon.awssdk.http.auth.",
                                          "software.amazon.awssdk.identity.", "software.amazon.awssdk.awscore.internal.authcontext.")),
    ("AWS SDK: HTTP client", ("software.amazon.awssdk.http.apache", "org.apache.http.", "org.apache.hc.",
                              "software.amazon.awssdk.http.")),
    ("AWS SDK: endpoint rules and model", ("software.amazon.awssdk.services.dynamodb.endpoints.",
                                           "software.amazon.awssdk.services.dynamodb.auth.",
                                           "software.amazon.awssdk.core.rules.", "software.amazon.awssdk.endpoints.",
                                           "software.amazon.awssdk.regions.", "software.amazon.awssdk.awscore.endpoints.")),
    ("AWS SDK: marshalling", ("software.amazon.awssdk.protocols.", "software.amazon.awssdk.services.dynamodb.transform.",
                              "software.amazon.awssdk.services.dynamodb.model.", "software.amazon.awssdk.core.protocol.")),
    ("AWS SDK: core pipeline, interceptors, metrics", ("software.amazon.awssdk.",)),
    ("dysession", ("io.dysession.",)),
    ("Weld", ("org.jboss.weld.",)),
    ("JSON-B / JSON-P (Yasson, Parsson)", ("org.eclipse.yasson.", "org.eclipse.parsson.", "org.glassfish.json.")),
    ("Payara and Grizzly", ("fish.payara.", "org.glassfish.", "com.sun.enterprise.", "org.apache.catalina.",
                            "org.apache.tomcat.", "com.sun.ejb.", "com.sun.web.", "org.jvnet.hk2.", "com.hazelcast.")),
]


def frames(event):
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            for f in event["values"]["stackTrace"]["frames"]]


def component(stack):
    for frame in stack:
        if frame.startswith(JDK):
            continue
        for name, prefixes in COMPONENTS:
            if frame.startswith(prefixes):
                return name
        return "other: " + ".".join(frame.split(".")[:3])
    return "JDK"


def samples(path):
    jfr = os.path.join(os.environ["JAVA_HOME"], "bin", "jfr") if "JAVA_HOME" in os.environ else "jfr"
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    return [frames(e) for e in json.loads(out)["recording"]["events"]]


def main(paths):
    for path in paths:
        stacks = samples(path)
        total = len(stacks)
        by_component = collections.Counter(component(s) for s in stacks)
        inclusive = collections.Counter()
        for stack in stacks:
            inclusive.update({f for f in stack if f.startswith("io.dysession.") and "$$Lambda" not in f})
        print(f"## {path}: {total} samples\n")
        print("| component (self) | samples | share |\n|---|---|---|")
        for name, count in by_component.most_common():
            print(f"| {name} | {count} | {100.0 * count / total:.1f} % |")
        print("\n| dysession method (inclusive) | share |\n|---|---|")
        for name, count in inclusive.most_common(15):
            print(f"| {name} | {100.0 * count / total:.1f} % |")
        print()


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
