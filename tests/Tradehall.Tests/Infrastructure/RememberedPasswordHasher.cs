using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tradehall.Core.Accounts;

namespace Tradehall.Tests.Infrastructure;

/// <summary>
/// The site's own PBKDF2 hasher at its configured strength (SEC-01), remembering its answers for the test run. The suite
/// registers and signs in members over a thousand times with a handful of passwords, and each full-strength hash costs about a
/// tenth of a second of a core: computed once per password and once per (hash, attempt), the answers are the hasher's
/// own. Members sharing a password share a hash here, which only the test run allows.
/// </summary>
public sealed class RememberedPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<Member>
{
    private static readonly ConcurrentDictionary<(string Password, int Iterations), string> Hashes = new();
    private static readonly ConcurrentDictionary<(string Hash, string Attempt, int Iterations), PasswordVerificationResult> Verdicts = new();

    private readonly PasswordHasher<Member> hasher = new(options);
    private readonly int iterations = options.Value.IterationCount;

    public string HashPassword(Member user, string password) =>
        Hashes.GetOrAdd((password, iterations), key => hasher.HashPassword(user, key.Password));

    public PasswordVerificationResult VerifyHashedPassword(Member user, string hashedPassword, string providedPassword) =>
        Verdicts.GetOrAdd((hashedPassword, providedPassword, iterations), key => hasher.VerifyHashedPassword(user, key.Hash, key.Attempt));
}
