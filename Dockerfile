# syntax=docker/dockerfile:1
# Build: docker build -t hipcoach .
# Run:   docker run -e TELOXIDE_TOKEN=... -v hipcoach-data:/data hipcoach

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
    RUST_LOG=info
# TELOXIDE_TOKEN comes from the environment at run time; it is never baked into the image.
ENTRYPOINT ["hipcoach"]
CMD ["run"]
