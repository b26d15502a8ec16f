// An interactive to-do list driven by commands on standard input: parsing, a list of records, prompts written with Console.Write.
// run: {"stdin": "add Buy milk\nadd Write report\nadd Call mom\nlist\ndone 2\ndone 9\nlist\nremove 1\nrename 1 Call mum tonight\nlist\nhelp\nbogus\nstats\nquit\nadd never\n"}
// run: {"stdin": "list\nadd only one"}
using System;
using System.Collections.Generic;
using System.Linq;

class Item { public string Text; public bool Done; }

static class Program
{
    static readonly List<Item> items = new List<Item>();

    static void List()
    {
        if (items.Count == 0) { Console.WriteLine("  (nothing to do)"); return; }
        for (int i = 0; i < items.Count; i++)
            Console.WriteLine("  {0,2}. [{1}] {2}", i + 1, items[i].Done ? 'x' : ' ', items[i].Text);
    }

    static Item At(string arg)
    {
        int n;
        if (!int.TryParse(arg, out n) || n < 1 || n > items.Count)
            throw new ArgumentException("no item '" + arg + "'");
        return items[n - 1];
    }

    static void Main()
    {
        Console.WriteLine("to-do ready");
        while (true)
        {
            Console.Write("> ");
            string line = Console.ReadLine();
            if (line == null) { Console.WriteLine(); Console.WriteLine("end of input"); break; }
            Console.WriteLine(line);
            int space = line.IndexOf(' ');
            string cmd = space < 0 ? line : line.Substring(0, space);
            string rest = space < 0 ? "" : line.Substring(space + 1).Trim();
            try
            {
                switch (cmd.ToLowerInvariant())
                {
                    case "add": items.Add(new Item { Text = rest }); Console.WriteLine("added #" + items.Count); break;
                    case "list": List(); break;
                    case "done": At(rest).Done = true; Console.WriteLine("completed " + rest); break;
                    case "remove": var it = At(rest); items.Remove(it); Console.WriteLine("removed '" + it.Text + "'"); break;
                    case "rename":
                        var parts = rest.Split(new[] { ' ' }, 2);
                        At(parts[0]).Text = parts.Length > 1 ? parts[1] : "";
                        Console.WriteLine("renamed " + parts[0]);
                        break;
                    case "stats":
                        Console.WriteLine("total {0}, done {1}, open {2}, longest '{3}'", items.Count, items.Count(i => i.Done), items.Count(i => !i.Done), items.OrderByDescending(i => i.Text.Length).Select(i => i.Text).FirstOrDefault());
                        break;
                    case "help": Console.WriteLine("commands: add, list, done N, remove N, rename N TEXT, stats, quit"); break;
                    case "quit": Console.WriteLine("bye"); return;
                    default: Console.Error.WriteLine("unknown command " + cmd); Console.WriteLine("? " + cmd); break;
                }
            }
            catch (ArgumentException ex) { Console.WriteLine("error: " + ex.Message); }
        }
    }
}
