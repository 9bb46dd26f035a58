{{/* Names, labels and the pieces every workload shares. */}}

{{- define "tributary.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A zone name as Kubernetes allows it in resource names (zone names may hold `_`). */}}
{{- define "tributary.k8sName" -}}
{{- . | replace "_" "-" -}}
{{- end -}}

{{/* Labels of every resource; pass (dict "root" $ "component" "registry" "zone" "finance"). */}}
{{- define "tributary.labels" -}}
app.kubernetes.io/name: tributary
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: tributary
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
app.kubernetes.io/component: {{ .component }}
{{- if .zone }}
tributary.io/zone: {{ .zone | quote }}
{{- end }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The labels that select one workload's pods. */}}
{{- define "tributary.selectorLabels" -}}
app.kubernetes.io/name: tributary
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- if .zone }}
tributary.io/zone: {{ .zone | quote }}
{{- end }}
{{- end -}}

{{/* `<registry>/<name>:<tag>` of one image; pass (dict "root" $ "name" "registry"). */}}
{{- define "tributary.image" -}}
{{- $registry := required "image.registry is required: the registry and repository prefix the pipeline pushes the images to, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/tributary" .root.Values.image.registry -}}
{{- $name := index .root.Values.image.names .name -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) $name (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{- define "tributary.kafkaSecured" -}}
{{- if eq .Values.kafka.authentication "scram-sha-512" }}true{{ end -}}
{{- end -}}

{{/* Bootstrap address of the internal listener: TLS + SCRAM when authentication is on. */}}
{{- define "tributary.kafkaBootstrap" -}}
{{- if include "tributary.kafkaSecured" . -}}
{{ .Values.kafka.clusterName }}-kafka-bootstrap:9093
{{- else -}}
{{ .Values.kafka.clusterName }}-kafka-bootstrap:9092
{{- end -}}
{{- end -}}

{{/* "true" when the registry authenticates its clients (registry.authentication.usersSecret). */}}
{{- define "tributary.registryAuth" -}}
{{- if (.Values.registry.authentication | default dict).usersSecret }}true{{ end -}}
{{- end -}}

{{/*
A role's registry login, `<zone>-<role>:<password>`, in the environment variable .env, when the
registry authenticates. The password is the key `password` of the role's KafkaUser Secret (Strimzi
writes it, and the registry's users file hashes the same one); the user name is the documented
principal `<zone>-<role>`, whatever the Secret is called. Kubernetes expands `$(VAR)` from the
variable defined just before it. The password variable is outside every application's config
prefix, so no application reads it as a setting.
Pass (dict "root" $ "zone" <zone> "role" "validator" "secret" <name> "value" "<values path>" "env" <variable>).
*/}}
{{- define "tributary.registryLoginEnv" -}}
{{- if include "tributary.registryAuth" .root }}
{{- $password := printf "%s_REGISTRY_PASSWORD" (upper .role) }}
- name: {{ $password }}
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s is required with registry.authentication: the Secret of the zone's %s KafkaUser (key password), as Strimzi's user operator writes it" .value .role) .secret | quote }}
      key: password
- name: {{ .env }}
  value: {{ printf "%s-%s:$(%s)" .zone .role $password | quote }}
{{- end }}
{{- end -}}

{{- define "tributary.registryUrl" -}}
http://{{ include "tributary.fullname" . }}-registry:8081
{{- end -}}

{{/*
Kafka client settings as KAFKA_* environment variables, which every Tributary application reads
as `kafka.*`. The SASL login comes from the Secret the user operator writes for a KafkaUser.
Pass (dict "root" $ "secret" <name> "value" "<values path naming the secret>").
*/}}
{{- define "tributary.kafkaClientEnv" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "tributary.kafkaBootstrap" .root | quote }}
{{- if include "tributary.kafkaSecured" .root }}
- name: KAFKA_SECURITY_PROTOCOL
  value: SASL_SSL
- name: KAFKA_SASL_MECHANISM
  value: SCRAM-SHA-512
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s is required: the Secret of this component's KafkaUser (key sasl.jaas.config), as Strimzi's user operator writes it" .value) .secret | quote }}
      key: sasl.jaas.config
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/tributary/kafka-ca/ca.crt
{{- end }}
{{- end -}}

{{/* A processors role's own login (tributary.roles.<role>.kafka.*), from its KafkaUser Secret, when authentication is on.
     The client keys have dots, so they are quoted with double underscores, as Quarkus names a map key. */}}
{{- define "tributary.roleClientEnv" -}}
{{- if include "tributary.kafkaSecured" .root }}
{{- $prefix := printf "TRIBUTARY_ROLES_%s_KAFKA_" (upper .role) }}
- name: {{ $prefix }}_SECURITY_PROTOCOL__
  value: SASL_SSL
- name: {{ $prefix }}_SASL_MECHANISM__
  value: SCRAM-SHA-512
- name: {{ $prefix }}_SASL_JAAS_CONFIG__
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "%s is required: the Secret of the zone's %s KafkaUser (key sasl.jaas.config), as Strimzi's user operator writes it" .value .role) .secret | quote }}
      key: sasl.jaas.config
- name: {{ $prefix }}_SSL_TRUSTSTORE_TYPE__
  value: PEM
- name: {{ $prefix }}_SSL_TRUSTSTORE_LOCATION__
  value: /etc/tributary/kafka-ca/ca.crt
{{- end }}
{{- end -}}

{{/* A zone's own producer login in the ingest service (tributary.ingest.zone.<zone>.kafka.*), from its
     producer KafkaUser Secret, when authentication is on; the client keys are quoted map keys as above.
     The zone is a map key too, which an environment variable cannot spell with `_` (validate.yaml refuses it). */}}
{{- define "tributary.zoneProducerEnv" -}}
{{- if include "tributary.kafkaSecured" .root }}
{{- $prefix := printf "TRIBUTARY_INGEST_ZONE_%s_KAFKA_" (upper .zone) }}
- name: {{ $prefix }}_SECURITY_PROTOCOL__
  value: SASL_SSL
- name: {{ $prefix }}_SASL_MECHANISM__
  value: SCRAM-SHA-512
- name: {{ $prefix }}_SASL_JAAS_CONFIG__
  valueFrom:
    secretKeyRef:
      name: {{ .secret | quote }}
      key: sasl.jaas.config
- name: {{ $prefix }}_SSL_TRUSTSTORE_TYPE__
  value: PEM
- name: {{ $prefix }}_SSL_TRUSTSTORE_LOCATION__
  value: /etc/tributary/kafka-ca/ca.crt
{{- end }}
{{- end -}}

{{/* The cluster CA volume (the trust store of the TLS listener), when authentication is on. */}}
{{- define "tributary.kafkaCaVolume" -}}
{{- if include "tributary.kafkaSecured" . -}}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.clusterName }}-cluster-ca-cert
    items: [{key: ca.crt, path: ca.crt}]
{{- end }}
{{- end -}}

{{- define "tributary.kafkaCaMount" -}}
{{- if include "tributary.kafkaSecured" . -}}
- name: kafka-ca
  mountPath: /etc/tributary/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}

{{/* Pod security every Tributary container runs with: the images' user 65532, read-only root. */}}
{{- define "tributary.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
fsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "tributary.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
{{- end -}}

{{/* Quarkus health probes; the startup probe gives slow starts their own budget. */}}
{{- define "tributary.quarkusProbes" -}}
startupProbe:
  httpGet: {path: {{ .startupPath | default "/q/health/started" }}, port: http}
  periodSeconds: {{ .startupPeriod | default 5 }}
  failureThreshold: {{ .startupFailures | default 24 }}
livenessProbe:
  httpGet: {path: /q/health/live, port: http}
  periodSeconds: 10
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /q/health/ready, port: http}
  periodSeconds: 5
  failureThreshold: 3
{{- end -}}

{{/* A service account with its IAM role (IRSA) when one is given. */}}
{{- define "tributary.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ .name }}
  labels:
    {{- include "tributary.labels" . | nindent 4 }}
  {{- with .roleArn }}
  annotations:
    eks.amazonaws.com/role-arn: {{ . | quote }}
  {{- end }}
automountServiceAccountToken: false
{{- end -}}

{{- define "tributary.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets -}}
imagePullSecrets:
{{- range . }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}
