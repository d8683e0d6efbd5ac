# The uptake binary in a small image, built by the Makefile's own targets.
#
#   docker build -t uptake .                          # server engine (ClickHouse server), the default
#   docker build --build-arg WITH_CHDB=1 -t uptake .  # also libchdb for the embedded store (Linux x86-64)
#
# docker-compose.yml runs it with a ClickHouse server; see "Run with Docker" in README.md.

# Build stage: Go at go.mod's version (deploy/ tests keep the two equal) on Debian bookworm,
# plus Debian's nodejs and npm for `make assets`.
FROM golang:1.26.8-bookworm AS build
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends make nodejs npm openssl ca-certificates \
	&& rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Go modules first, so that they are cached until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download

# ECharts from the npm registry at the version pinned in package-lock.json (`make assets`).
COPY Makefile ./
COPY scripts/ scripts/
COPY dashboard/web/package.json dashboard/web/package-lock.json dashboard/web/
RUN make assets

# With WITH_CHDB=1, libchdb.so (`make libchdb`, integrity-checked) goes to /out/lib,
# copied below to /usr/local/lib/libchdb.so, where uptake looks for it.
ARG WITH_CHDB=0
RUN mkdir -p /out/bin /out/lib \
	&& if [ "$WITH_CHDB" = 1 ]; then make libchdb && cp "$(scripts/libchdb.sh)" /out/lib/libchdb.so; fi

# The binary (`make binary`: the same go build as `make build`, without libchdb).
COPY . .
ARG VERSION=dev
RUN make binary VERSION="$VERSION" && cp bin/uptake /out/bin/uptake

# Final stage: the same Debian release as the build stage (the binary links its C library).
FROM debian:bookworm-slim
RUN apt-get update \
	&& DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates tzdata \
	&& rm -rf /var/lib/apt/lists/* \
	&& groupadd --gid 10001 uptake \
	&& useradd --uid 10001 --gid 10001 --home-dir /data --no-create-home --shell /usr/sbin/nologin uptake \
	&& mkdir -p /data /incoming /backups \
	&& chown uptake:uptake /data /incoming /backups
COPY --from=build /out/ /usr/local/

# The server engine by default, at the host `clickhouse`; give the whole URL, password
# included, at run time (docker-compose.yml builds it from .env). For the embedded
# store (an image built WITH_CHDB=1): UPTAKE_STORE=embedded:/data/store and a volume on /data.
ENV UPTAKE_STORE=clickhouse://uptake@clickhouse:9000/uptake
WORKDIR /data
USER 10001:10001
EXPOSE 8080
# /healthz answers once `uptake serve` listens on :8080; bash's /dev/tcp needs no extra tool.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
	CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["uptake"]
CMD ["serve", "--addr", ":8080"]
