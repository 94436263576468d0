# Build and install threadstat: make install PREFIX=/usr/local (or ~/.local).
# The release binary goes to $(PREFIX)/bin/threadstat; DESTDIR is prefixed for packaging.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
CONFIG ?= release
SWIFT ?= swift

.PHONY: all build install uninstall

all: build

build:
	$(SWIFT) build -c $(CONFIG) --product threadstat

install: build
	install -d "$(DESTDIR)$(BINDIR)"
	install -m 755 "$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/threadstat" "$(DESTDIR)$(BINDIR)/threadstat"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/threadstat"
