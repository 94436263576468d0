#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The natural logarithm, from the C library (the standard library has none).
@inline(__always) func naturalLog(_ x: Double) -> Double { log(x) }

/// e^x - 1, exact for small x, from the C library.
@inline(__always) func exponentialMinusOne(_ x: Double) -> Double { expm1(x) }
