from .base import *  # noqa: F401,F403

DEBUG = True

# A developer's own database: `./run demo` resets it with seed_demo.
HF_DEMO_DATABASE = True
