# The two commands of the README:
#   make run    build, migrate, seed the demo data, serve on http://127.0.0.1:3000
#   make test   run every test (unit, HTTP black-box, headless Chromium; SQLite and PostgreSQL)
# Both first install whatever a fresh machine lacks (scripts/bootstrap.sh).

.PHONY: run test tools test-tools site build lint check-shared ci clean-data

run: tools site build
	./target/debug/fieldschool seed-demo
	./target/debug/fieldschool serve

test: test-tools site
	scripts/test.sh

tools:
	scripts/bootstrap.sh

test-tools:
	scripts/bootstrap.sh --test

site:
	scripts/build-site.sh

build:
	cargo build --locked -p server

# Formatting and clippy for the server (ssr) build and the browser (hydrate) build.
lint:
	cargo fmt --all --check
	cargo clippy --locked --workspace --all-targets -- -D warnings
	cargo clippy --locked -p frontend --lib --target wasm32-unknown-unknown \
		--no-default-features --features hydrate -- -D warnings

# The shared crate compiles for the browser too: it must pull nothing server-side.
check-shared:
	@bad=$$(cargo tree --locked -p shared -e normal --prefix none | awk '{print $$1}' | sort -u \
		| grep -E '^(sqlx.*|sea-orm.*|actix.*|tokio.*|argon2|jsonwebtoken|mio|hyper)$$' || true); \
	if [ -n "$$bad" ]; then echo "crate shared depends on server-side crates: $$bad"; exit 1; fi; \
	echo "crate shared: no server-side dependencies"

ci:
	bash .ci/run

# Remove the local demo database (make run creates and seeds it again).
clean-data:
	rm -rf data
