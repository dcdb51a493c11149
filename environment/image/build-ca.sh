# Sourced by the RUN steps of environment/image/Containerfile that go online. With the build secret
# 'kit-build-ca' (extra CA certificates of the build host, PEM), pip/requests, Maven and npm trust
# the system CAs plus those, from files under /tmp/kit-ca that the same RUN step deletes: nothing
# of the build host stays in a layer.
if [ -s /run/secrets/kit-build-ca ]; then
  mkdir -p /tmp/kit-ca
  cat /etc/ssl/certs/ca-certificates.crt /run/secrets/kit-build-ca > /tmp/kit-ca/bundle.pem
  export PIP_CERT=/tmp/kit-ca/bundle.pem REQUESTS_CA_BUNDLE=/tmp/kit-ca/bundle.pem NODE_EXTRA_CA_CERTS=/run/secrets/kit-build-ca
  if command -v keytool >/dev/null && [ -f /etc/ssl/certs/java/cacerts ]; then
    cp /etc/ssl/certs/java/cacerts /tmp/kit-ca/trust.jks
    awk '/BEGIN CERT/{n++} n{print > ("/tmp/kit-ca/extra-" n ".pem")}' /run/secrets/kit-build-ca
    for f in /tmp/kit-ca/extra-*.pem; do
      keytool -importcert -noprompt -alias "kit-$(basename "$f" .pem)" -file "$f" \
        -keystore /tmp/kit-ca/trust.jks -storepass changeit >/dev/null 2>&1
    done
    export MAVEN_OPTS="-Djavax.net.ssl.trustStore=/tmp/kit-ca/trust.jks -Djavax.net.ssl.trustStorePassword=changeit"
  fi
fi
