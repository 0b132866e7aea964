namespace Tradehall.Core.Network.Images;

/// <summary>
/// SEC-06, SEC-07: at most <see cref="NetworkOptions.ImageMaxConcurrentDecodes"/> decoders run on this node at
/// once, so parallel uploads cannot take every core; one that waits too long is told to retry (429, never 503).
/// </summary>
public sealed class ImageDecoders(IOptions<NetworkOptions> options) : IDisposable
{
    private readonly SemaphoreSlim slots = new(options.Value.ImageMaxConcurrentDecodes, options.Value.ImageMaxConcurrentDecodes);

    /// <summary>A decoder slot, released when the answer is disposed.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var wait = options.Value.ImageDecodeWait;
        if (!await slots.WaitAsync(wait, cancellationToken))
        {
            throw DomainException.TooMany("network.image_busy", "Too many images are being processed. Try again in a moment.",
                (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
        }
        return new Slot(slots);
    }

    public void Dispose() => slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
