// The coach's pages: behaviour beyond the shared /assets/hinge.js (no inline scripts: see the Content-Security-Policy).
