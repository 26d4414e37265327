#!/bin/sh
# The planner what-ifs of docs/plan.md: scenarios/plan/plan.yaml at attrition 2 % and 5 % a month and
# training 4 and 8 weeks, each against the base (3 %, 6 weeks), side by side with `wfm compare`.
# Usage: scripts/plan-whatifs.sh [WFM_BINARY] [OUT_DIR]     (default .build/debug/wfm, out/plan-whatifs)
set -e
WFM=${1:-.build/debug/wfm}
OUT=${2:-out/plan-whatifs}
PLAN=scenarios/plan/plan.yaml
"$WFM" plan $PLAN --out $OUT/base --quiet
"$WFM" plan $PLAN --out $OUT/attrition-2 --set attrition_per_month=0.02 --quiet
"$WFM" plan $PLAN --out $OUT/attrition-5 --set attrition_per_month=0.05 --quiet
"$WFM" plan $PLAN --out $OUT/training-4 --set hiring.training_weeks=4 --quiet
"$WFM" plan $PLAN --out $OUT/training-8 --set hiring.training_weeks=8 --quiet
"$WFM" compare $OUT/base $OUT/attrition-2 $OUT/attrition-5 $OUT/training-4 $OUT/training-8
