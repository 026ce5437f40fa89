#!/usr/bin/env bash
# Provisions an EdgeAgent device on the fleet broker, or (with --fleet-manager) the fleet manager:
#   - its password entry in the broker's password file (mosquitto_passwd -b);
#   - for a device, its ACL block: write under edge/{fleet}/{device}/, read its own commands and its
#     fleet's rollouts (the fleet manager's block is part of the committed acl file);
#   - its client certificate and key, issued by the fleet CA (P-256), and a copy of the CA certificate.
# With --remove, takes a device off the broker instead: its password entry and ACL block go.
# Idempotent: running it again changes nothing that is already right. It keeps the password unless
# EDGEAGENT_MQTT_PASSWORD is set, keeps the certificate while it is valid for 30 more days for the
# same subject, and replaces the device's ACL block (so a device moved to another fleet is re-scoped).
# The broker reads new passwords and ACLs on reload: systemctl reload mosquitto (SIGHUP).
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: provision-device.sh [options] FLEET DEVICE_ID
       provision-device.sh [options] --fleet-manager
       provision-device.sh [options] --remove DEVICE_ID

Options:
  --conf-dir DIR   the broker's folder holding passwd and acl   (default /etc/mosquitto/edgeagent)
  --ca-cert FILE   the fleet CA certificate                     (default CONF_DIR/ca.crt)
  --ca-key FILE    the fleet CA private key                     (default ./fleet-ca/ca.key)
  --out DIR        where each client's files are written, in OUT/ID/   (default ./clients)
  --days N         validity of a new client certificate         (default 825)

Environment:
  EDGEAGENT_MQTT_PASSWORD   the password to set; unset: keep the existing one, or generate one for a
                            new client (written to OUT/ID/password, mode 600)

Names (fleet and device ids): 1 to 64 of A-Z a-z 0-9 . _ - , starting with a letter or digit.
USAGE
}

die() {
    echo "provision-device.sh: $*" >&2
    exit 2
}

conf_dir=/etc/mosquitto/edgeagent
ca_cert=
ca_key=./fleet-ca/ca.key
out_dir=./clients
days=825
fleet_manager=false
remove=false
positional=()
while (($# > 0)); do
    case "$1" in
        --conf-dir) conf_dir=${2:?--conf-dir needs a folder}; shift 2 ;;
        --ca-cert) ca_cert=${2:?--ca-cert needs a file}; shift 2 ;;
        --ca-key) ca_key=${2:?--ca-key needs a file}; shift 2 ;;
        --out) out_dir=${2:?--out needs a folder}; shift 2 ;;
        --days) days=${2:?--days needs a number}; shift 2 ;;
        --fleet-manager) fleet_manager=true; shift ;;
        --remove) remove=true; shift ;;
        -h | --help) usage; exit 0 ;;
        --) shift; positional+=("$@"); break ;;
        -*) usage >&2; die "unknown option $1" ;;
        *) positional+=("$1"); shift ;;
    esac
done

name_pattern='^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'
if [[ $remove == true ]]; then
    [[ $fleet_manager == false ]] || die "--remove takes a device id, not --fleet-manager"
    ((${#positional[@]} == 1)) || { usage >&2; die "--remove expects DEVICE_ID only"; }
    fleet=
    id=${positional[0]}
    [[ $id =~ $name_pattern ]] || die "invalid device id '$id'"
    [[ $id != fleet-manager ]] || die "'fleet-manager' is not a device id"
elif [[ $fleet_manager == true ]]; then
    ((${#positional[@]} == 0)) || die "--fleet-manager takes no FLEET or DEVICE_ID"
    fleet=
    id=fleet-manager
    subject="/O=EdgeAgent/CN=$id"
else
    ((${#positional[@]} == 2)) || { usage >&2; die "expected FLEET and DEVICE_ID"; }
    fleet=${positional[0]}
    id=${positional[1]}
    [[ $fleet =~ $name_pattern ]] || die "invalid fleet id '$fleet'"
    [[ $id =~ $name_pattern ]] || die "invalid device id '$id'"
    [[ $id != fleet-manager ]] || die "'fleet-manager' is the fleet manager's user name, not a device id (use --fleet-manager)"
    subject="/O=EdgeAgent/OU=$fleet/CN=$id"
fi
[[ $days =~ ^[1-9][0-9]{0,4}$ ]] || die "--days must be a whole number of days"
ca_cert=${ca_cert:-$conf_dir/ca.crt}
[[ -d $conf_dir ]] || die "no folder $conf_dir"
[[ $remove == true || -r $ca_cert ]] || die "cannot read the CA certificate $ca_cert"
command -v openssl >/dev/null || die "openssl is missing"
command -v mosquitto_passwd >/dev/null || die "mosquitto_passwd is missing (Debian package mosquitto)"

passwd_file=$conf_dir/passwd
acl_file=$conf_dir/acl
[[ $fleet_manager == true || -e $acl_file ]] || die "no ACL file $acl_file: install deploy/mosquitto/acl there first"
client_dir=$out_dir/$id
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One provisioning at a time per broker folder: the password and ACL files are rewritten.
if command -v flock >/dev/null; then
    exec 9>"$conf_dir/.provision.lock"
    flock -w 60 9 || die "another provisioning holds $conf_dir/.provision.lock"
fi

# Runs a command, showing its output only when it fails.
quiet() {
    local log
    if ! log=$("$@" 2>&1); then
        printf '%s\n' "$log" >&2
        return 1
    fi
}

# Broker files are readable by the mosquitto group only (the broker runs as user mosquitto).
restrict() {
    chmod 640 "$1"
    if ((EUID == 0)) && getent group mosquitto >/dev/null; then
        chgrp mosquitto "$1"
    fi
}

# Rewrites the ACL file with the device's block replaced by the lines in file $1 (in place, or appended
# when the device has none; an empty file removes the block). Sets acl_changed to true or false.
replace_acl_block() {
    awk -v begin="# BEGIN device $id" -v end="# END device $id" -v block="$1" '
        function put(   line) { while ((getline line < block) > 0) print line; close(block); done = 1 }
        $0 == begin { skip = 1; if (!done) put() }
        !skip { print }
        $0 == end { skip = 0 }
        END { if (!done) put() }
    ' "$acl_file" >"$work/acl"
    acl_changed=false
    if ! cmp -s "$work/acl" "$acl_file"; then
        acl_changed=true
        # Same folder, then rename: the broker never reads a half-written file.
        cp "$work/acl" "$acl_file.new"
        restrict "$acl_file.new"
        mv -f "$acl_file.new" "$acl_file"
    fi
}

user_exists() {
    [[ -e $passwd_file ]] && awk -F: -v user="$id" '$1 == user { found = 1 } END { exit !found }' "$passwd_file"
}

# --- Removal --------------------------------------------------------------------------------------
if [[ $remove == true ]]; then
    if user_exists; then
        mosquitto_passwd -D "$passwd_file" "$id"
        echo "$id: password entry removed ($passwd_file)"
    else
        echo "$id: no password entry ($passwd_file)"
    fi
    : >"$work/empty"
    replace_acl_block "$work/empty"
    if [[ $acl_changed == true ]]; then
        echo "$id: ACL block removed ($acl_file)"
    else
        echo "$id: no ACL block ($acl_file)"
    fi
    echo "$id: done. Reload the broker (systemctl reload mosquitto): it then drops the device's connection and refuses it."
    echo "    Its files in $client_dir are left; its certificate stays valid until it expires (see README.md)."
    exit 0
fi

# --- Password -------------------------------------------------------------------------------------
mkdir -p "$client_dir"
chmod 700 "$client_dir"
if [[ ! -e $passwd_file ]]; then
    : >"$passwd_file"
    restrict "$passwd_file"
fi

if [[ -n ${EDGEAGENT_MQTT_PASSWORD:-} ]]; then
    password=$EDGEAGENT_MQTT_PASSWORD
    action="password set"
elif user_exists; then
    password=
    action="password kept"
else
    password=$(openssl rand -base64 24)
    action="password generated"
fi

if [[ -n $password ]]; then
    mosquitto_passwd -b "$passwd_file" "$id" "$password"
    (umask 077 && printf '%s\n' "$password" >"$client_dir/password")
fi
echo "$id: $action ($passwd_file)"

# --- ACL block ------------------------------------------------------------------------------------
if [[ $fleet_manager == false ]]; then
    printf '%s\n' \
        "# BEGIN device $id" \
        "# fleet $fleet; written by provision-device.sh, which replaces this block when run again" \
        "user $id" \
        "topic write edge/$fleet/$id/#" \
        "topic read edge/$fleet/$id/cmd/#" \
        "topic read fleet/$fleet/rollouts/#" \
        "# END device $id" >"$work/block"
    replace_acl_block "$work/block"
    if [[ $acl_changed == true ]]; then
        echo "$id: ACL block written for fleet $fleet ($acl_file)"
    else
        echo "$id: ACL block unchanged ($acl_file)"
    fi
fi

# --- Client certificate ---------------------------------------------------------------------------
cert=$client_dir/client.crt
key=$client_dir/client.key

certificate_is_current() {
    [[ -s $cert && -s $key ]] || return 1
    openssl verify -CAfile "$ca_cert" "$cert" >/dev/null 2>&1 || return 1
    openssl x509 -in "$cert" -noout -checkend $((30 * 86400)) >/dev/null || return 1
    [[ $(openssl x509 -in "$cert" -noout -subject -nameopt compat) == "subject=$subject" ]] || return 1
    [[ $(openssl x509 -in "$cert" -noout -pubkey) == $(openssl pkey -in "$key" -pubout) ]] || return 1
}

if certificate_is_current; then
    echo "$id: certificate kept ($cert)"
else
    [[ -r $ca_key ]] || die "cannot read the CA key $ca_key (needed to issue a certificate for $id)"
    cat >"$work/client.ext" <<'EXT'
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EXT
    (umask 077 && quiet openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/client.key")
    quiet openssl req -new -key "$work/client.key" -subj "$subject" -out "$work/client.csr"
    quiet openssl x509 -req -in "$work/client.csr" -CA "$ca_cert" -CAkey "$ca_key" \
        -set_serial "0x$(openssl rand -hex 16)" -days "$days" -sha256 \
        -extfile "$work/client.ext" -out "$work/client.crt"
    mv -f "$work/client.key" "$key"
    mv -f "$work/client.crt" "$cert"
    chmod 600 "$key"
    chmod 644 "$cert"
    echo "$id: certificate issued for $subject, valid $days days ($cert)"
fi
cp "$ca_cert" "$client_dir/ca.crt"
chmod 644 "$client_dir/ca.crt"

echo "$id: done. Copy $client_dir/ to the client; reload the broker (systemctl reload mosquitto) for a new password or ACL."
