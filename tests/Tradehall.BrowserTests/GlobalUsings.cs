// The namespaces most tests use; a file names only the ones particular to it.
global using System.Net.Http.Json;
global using System.Text.Json;
global using System.Text.RegularExpressions;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Playwright;
global using Tradehall.Tests.Infrastructure;
