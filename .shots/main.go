package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	w, _ := strconv.Atoi(os.Args[2])
	h, _ := strconv.Atoi(os.Args[3])
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath("/usr/bin/chromium"), chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(w, h), chromedp.Flag("hide-scrollbars", true))
	actx, c1 := chromedp.NewExecAllocator(context.Background(), opts...)
	defer c1()
	ctx, c2 := chromedp.NewContext(actx)
	defer c2()
	if err := chromedp.Do(ctx, chromedp.Navigate(os.Args[1]), chromedp.Sleep(500*time.Millisecond)); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	os.WriteFile(os.Args[4], buf, 0o644)
}
