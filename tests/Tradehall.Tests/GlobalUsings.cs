// The namespaces most tests use; a file names only the ones particular to it.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Tradehall.Tests.Infrastructure;
