pragma circom 2.1.6;

include "../node_modules/circomlib/circuits/poseidon.circom";
include "../node_modules/circomlib/circuits/comparators.circom";
include "../node_modules/circomlib/circuits/bitify.circom";

// mintkit range predicate: proves lo <= value <= hi for the value committed to by
// commitment = Poseidon(value, blinding), without revealing value or blinding.
//
// Public inputs (in this order, as snarkjs lists them):
//   commitment  Poseidon(value, blinding): the value of the credential's `<name>#poseidon` claim
//   bounds      lo + hi * 2^64 (both 64-bit): one field element instead of two (one public input less on chain)
//   binding     what the proof is for: the caller's address on chain, a hash of audience and nonce off chain
// Private inputs: value (< 2^64), blinding.
template RangePredicate(n) {
    signal input commitment;
    signal input bounds;
    signal input binding;
    signal input value;
    signal input blinding;

    // value, lo and hi are n-bit numbers (so the comparators below cannot wrap around the field).
    component valueBits = Num2Bits(n);
    valueBits.in <== value;

    signal lo;
    signal hi;
    lo <-- bounds % (1 << n);
    hi <-- bounds \ (1 << n);
    component loBits = Num2Bits(n);
    loBits.in <== lo;
    component hiBits = Num2Bits(n);
    hiBits.in <== hi;
    bounds === lo + hi * (1 << n);

    component aboveLo = LessEqThan(n);
    aboveLo.in[0] <== lo;
    aboveLo.in[1] <== value;
    aboveLo.out === 1;

    component belowHi = LessEqThan(n);
    belowHi.in[0] <== value;
    belowHi.in[1] <== hi;
    belowHi.out === 1;

    component hash = Poseidon(2);
    hash.inputs[0] <== value;
    hash.inputs[1] <== blinding;
    hash.out === commitment;

    // Tie the binding into the proof: without a constraint on it, --O2 would drop the public input and
    // a proof could be replayed under any binding.
    signal bindingSquared;
    bindingSquared <== binding * binding;
}

component main {public [commitment, bounds, binding]} = RangePredicate(64);
