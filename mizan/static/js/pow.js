// Proof of work for anonymous complaints (mizan/lib/pow.py is the other half): find a nonce of
// ASCII digits such that sha256(challenge + ":" + nonce) starts with `bits` zero bits.
// SHA-256 is written out here because crypto.subtle exists only on https origins, and Mizan is
// often served over plain http on an address. The same file runs as the page script and, when
// the browser allows it, as a Web Worker (script-src 'self' covers workers), so the page stays
// responsive; otherwise the search runs in short slices between events.
(function () {
  "use strict";

  var K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ]);
  var INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

  // One SHA-256 compression of the 64 bytes at bytes[offset..] into state (8 words, changed in place).
  function compress(state, bytes, offset, w) {
    var i, t1, t2, s0, s1, x, y;
    for (i = 0; i < 16; i++) {
      var j = offset + i * 4;
      w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
    }
    for (i = 16; i < 64; i++) {
      x = w[i - 15]; y = w[i - 2];
      s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    var a = state[0], b = state[1], c = state[2], d = state[3];
    var e = state[4], f = state[5], g = state[6], h = state[7];
    for (i = 0; i < 64; i++) {
      s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0;
      d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    state[0] = (state[0] + a) | 0; state[1] = (state[1] + b) | 0;
    state[2] = (state[2] + c) | 0; state[3] = (state[3] + d) | 0;
    state[4] = (state[4] + e) | 0; state[5] = (state[5] + f) | 0;
    state[6] = (state[6] + g) | 0; state[7] = (state[7] + h) | 0;
  }

  function asciiBytes(text) {
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) { out[i] = text.charCodeAt(i) & 0x7f; }
    return out;
  }

  // A searcher over nonces start, start+1, ... The whole 64-byte blocks of challenge + ":" are
  // hashed once; each try hashes only the last one or two blocks.
  function Searcher(challenge, bits) {
    var prefix = asciiBytes(challenge + ":");
    var whole = prefix.length - (prefix.length % 64);
    this.mid = new Int32Array(INITIAL);
    this.w = new Int32Array(64);
    for (var off = 0; off < whole; off += 64) { compress(this.mid, prefix, off, this.w); }
    this.tail = prefix.subarray(whole);
    this.prefixLength = prefix.length;
    this.buffer = new Uint8Array(128);
    this.state = new Int32Array(8);
    this.bits = bits;
  }

  Searcher.prototype.solves = function (nonce) {
    var digits = String(nonce), buffer = this.buffer, i, n = this.tail.length;
    buffer.fill(0);
    buffer.set(this.tail, 0);
    for (i = 0; i < digits.length; i++) { buffer[n + i] = digits.charCodeAt(i); }
    n += digits.length;
    buffer[n] = 0x80;
    var blocks = n + 9 <= 64 ? 1 : 2, end = blocks * 64;
    var bitLength = (this.prefixLength + digits.length) * 8;  // below 2**32: fits the last word
    buffer[end - 4] = (bitLength >>> 24) & 0xff; buffer[end - 3] = (bitLength >>> 16) & 0xff;
    buffer[end - 2] = (bitLength >>> 8) & 0xff; buffer[end - 1] = bitLength & 0xff;
    this.state.set(this.mid);
    compress(this.state, buffer, 0, this.w);
    if (blocks === 2) { compress(this.state, buffer, 64, this.w); }
    var first = this.state[0] >>> 0;
    return this.bits >= 32 ? first === 0 : (first >>> (32 - this.bits)) === 0;
  };

  // Up to `count` tries from `start`: the nonce found, or -1.
  Searcher.prototype.run = function (start, count) {
    for (var nonce = start; nonce < start + count; nonce++) {
      if (this.solves(nonce)) { return nonce; }
    }
    return -1;
  };

  var SLICE = 20000;

  // --- as a Web Worker: {challenge, bits} in; {tried} now and then, then {nonce} out ------------
  if (typeof document === "undefined") {
    self.onmessage = function (event) {
      var searcher = new Searcher(String(event.data.challenge), Number(event.data.bits));
      for (var start = 0; ; start += SLICE) {
        var found = searcher.run(start, SLICE);
        if (found >= 0) { self.postMessage({ nonce: String(found), tried: found + 1 }); return; }
        self.postMessage({ tried: start + SLICE });
      }
    };
    return;
  }

  // --- in the page ----------------------------------------------------------------------------
  function solveInWorker(script, challenge, bits, onTried) {
    return new Promise(function (resolve, reject) {
      var worker;
      try { worker = new Worker(script); } catch (error) { reject(error); return; }
      worker.onmessage = function (event) {
        onTried(event.data.tried);
        if (event.data.nonce !== undefined) { worker.terminate(); resolve(event.data.nonce); }
      };
      worker.onerror = function (event) { event.preventDefault(); worker.terminate(); reject(event); };
      worker.postMessage({ challenge: challenge, bits: bits });
    });
  }

  function solveInSlices(challenge, bits, onTried) {
    var searcher = new Searcher(challenge, bits);
    return new Promise(function (resolve) {
      var start = 0;
      (function slice() {
        var found = searcher.run(start, SLICE);
        if (found >= 0) { onTried(found + 1); resolve(String(found)); return; }
        start += SLICE;
        onTried(start);
        window.setTimeout(slice, 0);
      })();
    });
  }

  function solve(script, challenge, bits, onTried) {
    return solveInWorker(script, challenge, bits, onTried).catch(function () {
      return solveInSlices(challenge, bits, onTried);
    });
  }

  var form = document.querySelector("form[data-pow-script]");
  if (!form) { return; }
  var challengeInput = form.querySelector("input[name=pow_challenge]");
  var nonceInput = form.querySelector("input[name=pow_nonce]");
  var status = document.getElementById("pow-status");
  var statusText = document.getElementById("pow-status-text");
  var progress = document.getElementById("pow-progress");
  var loadedAt = Date.now();
  var expiresIn = Number(form.getAttribute("data-pow-expires-in")) || 0;
  var bits = Number(form.getAttribute("data-pow-bits")) || 0;
  var busy = false;

  function say(text, value) {
    status.hidden = false;
    statusText.textContent = text;
    if (value !== undefined) { progress.value = value; }
  }

  // The challenge on the page, or a fresh one when it has (nearly) expired: someone may take
  // hours to write. The page's clock is not trusted: time is counted from the page's loading.
  function currentChallenge() {
    if ((Date.now() - loadedAt) / 1000 < expiresIn - 60) { return Promise.resolve(challengeInput.value); }
    return fetch(form.getAttribute("data-pow-refresh"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("no challenge"); }
        return response.json();
      })
      .then(function (data) {
        challengeInput.value = data.challenge;
        bits = data.bits;
        expiresIn = data.expires_in;
        loadedAt = Date.now();
        return data.challenge;
      });
  }

  // Back to this page from the next one (the back-forward cache): ready to send again.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { busy = false; status.hidden = true; }
  });

  form.addEventListener("submit", function (event) {
    var anonymous = form.querySelector("input[name=identity][value=anonymous]");
    if (!anonymous || !anonymous.checked) { return; }
    event.preventDefault();
    if (busy) { return; }
    busy = true;
    nonceInput.value = "";
    var started = Date.now();
    say(form.getAttribute("data-pow-working"), 0);
    currentChallenge().then(function (challenge) {
      var expected = Math.pow(2, bits);
      return solve(form.getAttribute("data-pow-script"), challenge, bits, function (tried) {
        // The chance that a solution would have been found by now: it climbs towards 100.
        progress.value = Math.min(99, Math.round(100 * (1 - Math.exp(-tried / expected))));
      });
    }).then(function (nonce) {
      nonceInput.value = nonce;
      form.setAttribute("data-pow-seconds", ((Date.now() - started) / 1000).toFixed(2));
      say(form.getAttribute("data-pow-done"), 100);
      HTMLFormElement.prototype.submit.call(form);
    }).catch(function () {
      busy = false;
      form.dataset.sent = "";
      say(form.getAttribute("data-pow-failed"), 0);
    });
  });
})();
