# The front door. Each target is a script in scripts/, so CI and people run the same thing.
.PHONY: run test test-sqlite test-postgres smoke-test browser-test interop-test security-test

run:
	scripts/run

test:
	scripts/test

test-sqlite:
	swift test

test-postgres:
	eval "$$(scripts/postgres-start)" && swift test; status=$$?; scripts/postgres-stop; exit $$status

browser-test:
	scripts/browser-tests

smoke-test:
	eval "$$(scripts/postgres-start)" && scripts/smoke-tests

interop-test:
	scripts/interop-tests

security-test:
	eval "$$(scripts/postgres-start)" && scripts/security-tests
