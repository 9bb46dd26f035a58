#!/usr/bin/env bash
# Assembles the root file system of the Tributary base image from this machine, because no base
# image can be pulled here: a jlink'ed Java 17 runtime, the glibc, zlib and libstdc++ files it (and
# the JNI libraries of RocksDB, Netty and zstd) load, CA certificates, and a non-root user 65532.
# Jib adds it as a layer (extraDirectories) under each application. Idempotent: an existing
# root file system made by this same script is kept.
#   helm/images/base-rootfs.sh <output dir>
set -euo pipefail
out=${1:?usage: base-rootfs.sh <output dir>}
# The marker holds this script's checksum: a changed script rebuilds the root file system.
stamp=$(sha256sum "$0" | cut -d' ' -f1)
if [[ "$(cat "$out/.complete" 2>/dev/null)" == "$stamp" ]]; then
  exit 0
fi
rm -rf "$out"
mkdir -p "$out"

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
jlink=$java_home/bin/jlink
[[ -x "$jlink" ]] || { echo "base-rootfs.sh: no jlink in $java_home (set JAVA_HOME to a JDK 17)" >&2; exit 1; }

# The modules Quarkus, Kafka clients and Streams, Avro and Jackson use (jdeps over the applications'
# class paths), with java.desktop for java.beans (SnakeYAML) and the EC and PKCS#11 providers for TLS.
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,\
jdk.crypto.ec,jdk.crypto.cryptoki,jdk.localedata,jdk.management,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
"$jlink" --add-modules "$modules" --include-locales=en --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$out/opt/java"
# Debian's JDK links its trust store to /etc/ssl/certs; the image carries the file itself.
if [[ -L "$out/opt/java/lib/security/cacerts" || ! -s "$out/opt/java/lib/security/cacerts" ]]; then
  rm -f "$out/opt/java/lib/security/cacerts"
  cp -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"
fi

# The legal notices are links to java.base's; an image layer carries files.
find "$out/opt/java/legal" -type l -exec sh -c 'cp --remove-destination "$(readlink -f "$1")" "$1"' _ {} \;

# Shared libraries: what the runtime's own binaries need, plus what JNI libraries unpacked at run
# time commonly need. Copied as files (no symbolic links) at the paths the loader looks in.
copy_lib() {
  local lib=$1 real
  real=$(readlink -f "$lib")
  mkdir -p "$out$(dirname "$lib")"
  cp "$real" "$out$lib"
}
# java.desktop's AWT, font and sound libraries are left out of this: nothing headless loads them.
libs=$( { find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) \
    ! -name 'libawt*' ! -name 'libfontmanager.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so' \
    ! -name 'libsplashscreen.so' ! -name 'libjsound.so' ! -name 'libjawt.so' -exec ldd {} \; 2>/dev/null || true; } \
  | awk '/=> \//{print $3} /^\s*\/lib/{print $1}' | sort -u)
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  # The runtime's own libraries are already in place.
  [[ "$lib" == "$out"/* ]] || copy_lib "$lib"
done
arch_dir=/lib/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)
for name in libz.so.1 libstdc++.so.6 libgcc_s.so.1 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libnss_dns.so.2 libnss_files.so.2 libresolv.so.2; do
  for dir in "$arch_dir" /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu; do
    if [[ -e "$dir/$name" ]]; then copy_lib "$dir/$name"; break; fi
  done
done

# The user the containers run as, name resolution, a writable /tmp.
mkdir -p "$out/etc" "$out/tmp" "$out/deployments"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
touch "$out/tmp/.keep" "$out/deployments/.keep"
echo "$stamp" > "$out/.complete"
echo "base-rootfs.sh: $(du -sh "$out" | cut -f1) in $out (Java $("$out/opt/java/bin/java" -version 2>&1 | head -1))"
