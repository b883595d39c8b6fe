namespace DmaActors.TestKit;

/// <summary>A TestKit expectation did not hold; the message says what was expected and what happened instead.</summary>
public sealed class ExpectationFailedException(string message) : Exception(message);
