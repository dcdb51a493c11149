#!/bin/sh
# Starts JJava's kernel JVM as JJava's own launcher would (java from PATH, the options in
# JJAVA_JVM_OPTS split at blanks, then --add-opens for JShell), but without the launcher: this
# process becomes the kernel JVM, so Jupyter starts, interrupts and stops the kernel itself and no
# second JVM waits beside it. Arguments: JJava's jar, the connection file. The kernelspec that runs
# this (with a copy of this file) is written by kit_kernelspec (environment/setup.sh) and by the
# image (environment/image/Containerfile).
set -f   # the options are split at blanks, never expanded as file patterns
# shellcheck disable=SC2086
exec java $JJAVA_JVM_OPTS --add-opens jdk.jshell/jdk.jshell=ALL-UNNAMED -jar "$1" "$2"
