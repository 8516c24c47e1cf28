#!/bin/sh
# The full sweep of GB/T 9704 §7.3.5/§7.4 (tests/it/closing.rs): every body length from one
# sentence to about three pages, in all 16 combinations of seal, 附件说明, 附注 and 版记 (704
# notices). The test suite builds three steps per combination.
set -e
cd "$(dirname "$0")/.."
GONGWEN_SWEEP=all cargo test --test it closing::the_closing_never_stands_alone -- --nocapture
