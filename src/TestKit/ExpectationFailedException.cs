using Xunit.Sdk;

namespace DmaActors.TestKit;

/// <summary>A virtual-time expectation did not hold; the message says what was expected and what happened instead.</summary>
public sealed class ExpectationFailedException(string message) : XunitException(message);
