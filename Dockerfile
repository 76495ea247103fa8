# syntax=docker/dockerfile:1
# Build: docker build -t hipcoach .
# Run:   docker run -e TELOXIDE_TOKEN=... -v hipcoach-data:/data -p 8080:8080 hipcoach

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock build.rs ./
COPY src src
COPY migrations migrations
COPY messages messages
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin hipcoach \
    && cp target/release/hipcoach /hipcoach

# TLS (rustls with built-in roots) and SQLite are compiled in: no system libraries needed.
FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin hipcoach \
    && mkdir /data && chown hipcoach:hipcoach /data
COPY --from=build /hipcoach /usr/local/bin/hipcoach
USER hipcoach
WORKDIR /data
VOLUME ["/data"]
ENV DATABASE_URL=sqlite:///data/hipcoach.db \
    RUST_LOG=info \
    HIPCOACH_LISTEN=0.0.0.0:8080
# The webhook (with HIPCOACH_WEBHOOK_URL and HIPCOACH_WEBHOOK_SECRET), /healthz, /readyz and
# /metrics. The health check is the binary itself: the slim image has no curl.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/hipcoach", "health"]
# `docker stop` sends SIGTERM: run finishes the updates in hand and closes the database.
STOPSIGNAL SIGTERM
# TELOXIDE_TOKEN comes from the environment at run time; it is never baked into the image.
ENTRYPOINT ["hipcoach"]
CMD ["run"]
