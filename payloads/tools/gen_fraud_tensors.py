#!/usr/bin/env python3
"""Writes payloads/fraud-tensors.jsonl: card transactions as 1x16 FP32 feature rows in the
harness's compact Triton tensor form, for the triton-infer example against `harness sim
--profile sim-fraud-cpu`. Standard library only; the output depends only on seed and count."""

import argparse
import json
import math
import random

FEATURES = [
    "amount_log", "hour_sin", "hour_cos", "is_weekend", "merchant_risk", "country_mismatch",
    "card_present", "txn_count_1h", "txn_count_24h", "amount_vs_avg", "days_since_last",
    "new_device", "distance_km_log", "mcc_risk", "account_age_years", "chargebacks_90d",
]


def row(rng):
    amount = math.exp(rng.gauss(3.5, 1.1))
    hour = rng.randrange(24)
    angle = 2 * math.pi * hour / 24
    count_1h = min(12, int(rng.expovariate(1.2)))
    return [
        math.log1p(amount),
        math.sin(angle),
        math.cos(angle),
        float(rng.random() < 2 / 7),
        rng.betavariate(2, 8),
        float(rng.random() < 0.06),
        float(rng.random() < 0.55),
        float(count_1h),
        float(count_1h + int(rng.expovariate(0.25))),
        amount / math.exp(rng.gauss(3.5, 0.6)),
        rng.expovariate(0.4),
        float(rng.random() < 0.08),
        math.log1p(rng.expovariate(1 / 40)),
        rng.betavariate(2, 6),
        rng.uniform(0, 12),
        float(min(5, int(rng.expovariate(4)))),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=20240917)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--out", default="payloads/fraud-tensors.jsonl")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as out:
        for i in range(args.count):
            data = [round(v, 4) for v in row(rng)]
            line = {
                "id": "fx-%04d" % (i + 1),
                "tensors": {"INPUT0": {"shape": [1, len(FEATURES)], "datatype": "FP32",
                                       "data": data}},
                "outputs": ["OUTPUT0"],
            }
            out.write(json.dumps(line, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
